package org.reconnaitre.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ProximityTest {
    @Test
    void driversAreCloserToEachOtherThanToTheTrainer() throws Exception {
        Framework rome = Fixtures.rome();
        Concept truck = rome.concept("N4101").orElseThrow();
        List<Transition> t = rome.proximity().transitions(truck, 4);
        assertThat(t).hasSize(4);
        assertThat(t).extracting(x -> x.destination().code().orElseThrow()).doesNotContain("N4101");
        assertThat(t.get(3).destination().code()).contains("K2111");
        assertThat(t).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(t.get(0).score()).isBetween(0.0, 1.0).isGreaterThan(t.get(3).score());
        // the gap lists destination requirements the origin lacks, essential ones first
        Transition first = t.get(0);
        List<Concept> originItems = truck.requirements().stream().map(Requirement::competency).toList();
        assertThat(first.missing()).isNotEmpty().allMatch(g -> !originItems.contains(g.competency()));
        assertThat(first.missing()).isSortedAccordingTo((a, b) -> Boolean.compare(b.essential(), a.essential()));
    }

    @Test
    void transitionScoreIsAsymmetricAndMatchesTheRanking() throws Exception {
        Framework rome = Fixtures.rome();
        Proximity p = Proximity.builder(rome).coverageWeight(1).textWeight(0).reverseCoverageWeight(0).latentWeight(0)
                .build();
        Concept a = rome.concept("N4101").orElseThrow();
        Concept b = rome.concept("N4125").orElseThrow();
        assertThat(p.score(a, b)).isPositive();
        assertThat(p.score(a, b)).isNotEqualTo(p.score(b, a));
        Transition top = p.transitions(a, 1).get(0);
        assertThat(p.score(a, top.destination())).isCloseTo(top.score(), org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void fitMeasuresCoverageAndGap() throws Exception {
        Framework rome = Fixtures.rome();
        Concept bus = rome.concept("N4103").orElseThrow();
        List<Concept> all = bus.requirements().stream().map(Requirement::competency).toList();
        Fit full = rome.proximity().fit(all, bus);
        assertThat(full.coverage()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(full.missing()).isEmpty();
        Fit half = rome.proximity().fit(all.subList(0, all.size() / 2), bus);
        assertThat(half.coverage()).isStrictlyBetween(0.0, 1.0);
        assertThat(half.missing()).hasSize(all.size() - all.size() / 2);
        Fit none = rome.proximity().fit(List.of(), bus);
        assertThat(none.coverage()).isZero();
        assertThat(rome.proximity().bestOccupations(all, 1).get(0).getKey()).isEqualTo(bus);
    }

    @Test
    void queriesFromManyThreadsAgree() throws Exception {
        Framework rome = Fixtures.rome();
        Concept o = rome.concept("N4125").orElseThrow();
        List<Transition> expected = rome.proximity().transitions(o, 3);
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Transition>>> fs = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                fs.add(pool.submit(() -> rome.proximity().transitions(o, 3)));
            }
            for (Future<List<Transition>> f : fs) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void rejectsNonOccupationsAndBadParameters() throws Exception {
        Framework rome = Fixtures.rome();
        Concept skill = rome.concepts(ConceptKind.SKILL).get(0);
        assertThatThrownBy(() -> rome.proximity().transitions(skill, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proximity.builder(rome).hierarchyDecay(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proximity.builder(rome).textWeight(0.8).coverageWeight(0.5).build())
                .isInstanceOf(IllegalArgumentException.class);
        // the defaults already give 0.15 to the reverse coverage and 0.2 to the latent cosine
        assertThatThrownBy(() -> Proximity.builder(rome).coverageWeight(0.7).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not exceed 1");
        assertThatThrownBy(() -> Proximity.builder(rome).latentRank(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proximity.builder(rome).latentWeight(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proximity.builder(rome).reverseCoverageWeight(-0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void escoOccupationsRankToo() throws Exception {
        Framework esco = Fixtures.esco();
        Concept first = esco.proximity().occupations().get(0);
        List<Transition> t = esco.proximity().transitions(first, 5);
        assertThat(t).hasSize(esco.proximity().occupations().size() - 1);
    }
}
