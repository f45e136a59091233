package org.reconnaitre.frameworks;

/**
 * What a {@link Concept} stands for. The order is part of the storage format; new kinds are only
 * ever appended.
 *
 * <pre>{@code
 * framework.concepts(ConceptKind.OCCUPATION).size();
 * }</pre>
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum ConceptKind {
    /** An occupation (ESCO occupation, ROME job sheet). */
    OCCUPATION,
    /** A skill or competence (ESCO skill/competence, ROME compétence or macro-compétence). */
    SKILL,
    /** Knowledge (ESCO knowledge, ROME savoir). */
    KNOWLEDGE,
    /** A grouping of skills or knowledge (ESCO skill group, ROME categories rebuilt from codes). */
    SKILL_GROUP,
    /** A work context (ROME contexte de travail). */
    WORK_CONTEXT,
    /** A certification bloc (block of competencies of a qualification, for example from CASE). */
    CERTIFICATION_BLOC,
    /** A grouping of occupations (ISCO group, ROME grand domaine and domaine professionnel). */
    OCCUPATION_GROUP
}
