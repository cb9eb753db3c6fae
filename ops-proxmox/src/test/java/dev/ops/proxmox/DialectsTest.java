package dev.ops.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.secret.Secret;
import dev.ops.proxmox.internal.Dialect;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one transport speaks each product's dialect: an API token is {@code PVEAPIToken=USER@REALM!NAME=SECRET}
 * to Proxmox VE and {@code PBSAPIToken=USER@REALM!NAME:SECRET} to a Backup Server; a ticket travels in
 * {@code PVEAuthCookie} or {@code PBSAuthCookie}, with the CSRF token on writes only.
 */
@Timeout(20)
class DialectsTest {
    private static final String OK = "{\"data\":null}";

    private static List<RecordedRequest> exchange(Dialect dialect, boolean ticket, int answers) throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            if (ticket) {
                server.enqueue(json("{\"data\":{\"ticket\":\"PBS:root@pam:65A1B2C3::sig\",\"CSRFPreventionToken\":\"65A1B2C3:csrf\","
                        + "\"username\":\"root@pam\"}}"));
            }
            for (int i = 0; i < answers; i++) {
                server.enqueue(json(OK));
            }
            TestClient.Builder b = TestClient.builder(dialect).baseUrl("http://127.0.0.1:" + server.getPort()).allowPlainHttpToLoopback();
            b = ticket ? b.login("root@pam", Secret.of("pw")) : b.apiToken("root@pam", "ops", Secret.of("s3cret"));
            try (TestClient c = b.build()) {
                c.api().get("/version");
                c.api().post("/admin/datastore/store1/notes", Map.of("notes", "n"));
            }
            List<RecordedRequest> out = new ArrayList<>();
            for (int i = 0; i < answers + (ticket ? 1 : 0); i++) {
                out.add(server.takeRequest());
            }
            return out;
        }
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void aTokenIsSentInEachProductsForm() throws Exception {
        assertThat(exchange(Dialect.PBS, false, 2).get(0).getHeaders().get("Authorization")).isEqualTo("PBSAPIToken=root@pam!ops:s3cret");
        assertThat(exchange(Dialect.PVE, false, 2).get(0).getHeaders().get("Authorization")).isEqualTo("PVEAPIToken=root@pam!ops=s3cret");
    }

    @Test
    void aTicketTravelsInTheProductsCookieWithTheCsrfTokenOnWritesOnly() throws Exception {
        List<RecordedRequest> pbs = exchange(Dialect.PBS, true, 2);

        assertThat(pbs.get(0).getUrl().encodedPath()).isEqualTo("/api2/json/access/ticket");
        assertThat(pbs.get(1).getHeaders().get("Cookie")).isEqualTo("PBSAuthCookie=PBS:root@pam:65A1B2C3::sig");
        assertThat(pbs.get(1).getHeaders().get("CSRFPreventionToken")).isNull();
        assertThat(pbs.get(2).getHeaders().get("CSRFPreventionToken")).isEqualTo("65A1B2C3:csrf");
        assertThat(exchange(Dialect.PVE, true, 2).get(1).getHeaders().get("Cookie")).startsWith("PVEAuthCookie=");
    }
}
