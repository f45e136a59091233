package org.reconnaitre.badges.model.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;

/** Against a local server bound to 127.0.0.1 only; nothing leaves the machine. */
class HttpFetcherTest {
    private static HttpServer server;
    private static String base;
    private static final List<String> paths = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", HttpFetcherTest::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        paths.add(ex.getRequestURI().toString());
        int port = server.getAddress().getPort();
        try (ex) {
            switch (path) {
                case "/badge.json" -> send(ex, 200, "application/ld+json", "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8));
                case "/gone" -> send(ex, 410, "text/plain", "gone".getBytes(StandardCharsets.UTF_8));
                case "/r1" -> redirect(ex, "/r2");
                case "/r2" -> redirect(ex, base + "/r3");
                case "/r3" -> redirect(ex, "badge.json");
                case "/loop" -> redirect(ex, "/loop");
                case "/elsewhere" -> redirect(ex, "http://localhost:" + port + "/badge.json");
                case "/to-file" -> redirect(ex, "file:///etc/passwd");
                case "/big" -> send(ex, 200, "application/json", new byte[Fetcher.MAX_BODY_BYTES + 1]);
                case "/big-chunked" -> {
                    ex.getResponseHeaders().add("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to trust
                    try (OutputStream out = ex.getResponseBody()) {
                        byte[] block = new byte[64 * 1024];
                        for (int i = 0; i < 1024; i++) { // 64 MiB if nobody stops reading
                            out.write(block);
                        }
                    } catch (IOException expected) {
                        // the client hung up
                    }
                }
                case "/slow" -> {
                    try {
                        Thread.sleep(3_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    send(ex, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
                }
                default -> send(ex, 404, "text/plain", new byte[0]);
            }
        } catch (IOException ignored) {
            // client went away
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
    }

    private static Fetcher local() {
        return Fetcher.http(Set.of("127.0.0.1"), true);
    }

    private static BadgeException.Code code(Throwable t) {
        return ((BadgeException) t).code();
    }

    @Test
    void fetchesFromAnAllowedHostAndDropsTheFragment() throws Exception {
        Fetcher.Response r = local().fetch(URI.create(base + "/badge.json#key-1"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.ok()).isTrue();
        assertThat(r.contentType()).isEqualTo("application/ld+json");
        assertThat(r.text()).isEqualTo("{\"id\":\"x\"}");
        assertThat(r.url()).isEqualTo(URI.create(base + "/badge.json"));
        assertThat(paths).contains("/badge.json");
    }

    @Test
    void errorStatusesAreAnswersNotErrors() throws Exception {
        assertThat(local().fetch(URI.create(base + "/gone")).status()).isEqualTo(410);
        assertThat(local().fetch(URI.create(base + "/nothing")).status()).isEqualTo(404);
    }

    @Test
    void refusesHostsOutsideTheAllowList() {
        assertThatThrownBy(() -> Fetcher.http(Set.of("example.org")).fetch(URI.create("https://evil.test/x.json")))
                .isInstanceOf(BadgeException.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo(BadgeException.Code.FETCH_REFUSED))
                .hasMessageContaining("'evil.test'")
                .hasMessageContaining("add \"evil.test\" to the hosts given to Fetcher.http");
        // the same server under another name is another host
        assertThatThrownBy(() -> local().fetch(URI.create(base.replace("127.0.0.1", "localhost") + "/badge.json")))
                .hasMessageContaining("'localhost'");
    }

    @Test
    void plainHttpNeedsTheOptIn() {
        assertThatThrownBy(() -> Fetcher.http(Set.of("127.0.0.1")).fetch(URI.create(base + "/never-fetched")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BadgeException.Code.FETCH_REFUSED))
                .hasMessageContaining("plain http is refused")
                .hasMessageContaining("Fetcher.http(hosts, true)");
        assertThat(paths).doesNotContain("/never-fetched"); // refused before any connection
        assertThatThrownBy(() -> local().fetch(URI.create("file:///etc/passwd")))
                .hasMessageContaining("not an absolute http(s) URL with a host");
        assertThatThrownBy(() -> local().fetch(URI.create("ftp://127.0.0.1/x")))
                .hasMessageContaining("only https and http URLs are fetched");
        assertThatThrownBy(() -> local().fetch(URI.create("http://user:pw@127.0.0.1:1/x")))
                .hasMessageContaining("user information");
    }

    @Test
    void followsUpToThreeRedirectsWithinTheAllowList() throws Exception {
        Fetcher.Response r = local().fetch(URI.create(base + "/r1"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.url()).isEqualTo(URI.create(base + "/badge.json"));
        assertThatThrownBy(() -> local().fetch(URI.create(base + "/loop")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BadgeException.Code.FETCH_FAILED))
                .hasMessageContaining("more than 3 redirects");
        assertThatThrownBy(() -> local().fetch(URI.create(base + "/elsewhere")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BadgeException.Code.FETCH_REFUSED))
                .hasMessageContaining("Refused to follow the redirect from " + base + "/elsewhere")
                .hasMessageContaining("'localhost'");
        assertThatThrownBy(() -> local().fetch(URI.create(base + "/to-file")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BadgeException.Code.FETCH_REFUSED));
    }

    @Test
    void refusesBodiesOverTheLimit() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> local().fetch(URI.create(base + "/big")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BadgeException.Code.FETCH_FAILED))
                .hasMessageContaining("larger than " + Fetcher.MAX_BODY_BYTES + " bytes");
        assertThatThrownBy(() -> local().fetch(URI.create(base + "/big-chunked")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BadgeException.Code.FETCH_FAILED))
                .hasMessageContaining("larger than " + Fetcher.MAX_BODY_BYTES + " bytes");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void timesOut() {
        Fetcher quick = new HttpFetcher(Set.of("127.0.0.1"), true, Duration.ofSeconds(1), Duration.ofMillis(300), 1024);
        long start = System.nanoTime();
        assertThatThrownBy(() -> quick.fetch(URI.create(base + "/slow")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BadgeException.Code.FETCH_FAILED))
                .hasMessageContaining("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void validatesTheAllowList() {
        assertThatThrownBy(() -> Fetcher.http(Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Fetcher.none()");
        assertThatThrownBy(() -> Fetcher.http(Set.of("https://example.org/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bare host name");
        assertThat(new HttpFetcher(Set.of("Example.ORG"), false).allowedHosts()).containsExactly("example.org");
    }
}
