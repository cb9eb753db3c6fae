package dev.ops.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ops.core.error.ValidationException;
import dev.ops.core.secret.Secret;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A malformed base URL is a ValidationException on {@code baseUrl}, never an exception from the URL parsers below. */
class BaseUrlValidationTest {
    private static final Secret SECRET = Secret.of("0f5e1a7c-base-url-test");

    private static PveClient.Builder with(String url) {
        return PveClient.builder().baseUrl(url).apiToken("root@pam", "ops", SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://pve:65536", "https://pve:99999", "https://pve:0", "https://pve:99999999999", "https://pve:-1",
            "https://pve:80a", "https://pve:\u0661\u0662\u0667", "https://pve:\uff18\uff10\uff10\uff16", "https://", "https://:8006",
            "https:///api2/json", "ftp://pve", "file:///etc/passwd", "https://root@pve", "https://pve?x=1", "https://pve/#frag",
            "https://pv\u00e9.lab", "https://pve lab", "https://[::1", "https://[zz::1]:8006", "https:pve", "//pve", "https://pve:8006:1",
            "https://pve_lab", "https://pve\u0000.lab", "https://pve.lab\n/x", "https://-pve", ":8006", "https://\u0661\u0662\u0667.0.0.1"})
    void refusesAMalformedBaseUrlNamingTheField(String url) {
        Throwable e = catchThrowable(() -> with(url).build());
        assertThat(e).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) e).violationsOf("baseUrl")).isNotEmpty();
    }

    @Test
    void aPortOutOfRangeSaysSo() {
        assertThatThrownBy(() -> with("https://pve:65536").build()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("baseUrl").hasMessageContaining("65536").hasMessageContaining("1 to 65535");
    }

    @Test
    void aPortInAnotherScriptsDigitsIsRefused() {
        assertThatThrownBy(() -> with("https://pve:\u0668\u0660\u0660\u0666").build()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("baseUrl").hasMessageContaining("ASCII");
    }

    @Test
    void aPasswordInTheUserInfoIsNeverShown() {
        assertThatThrownBy(() -> with("https://root:hunter2-in-url@pve:8006").build()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("user info").hasMessageNotContaining("hunter2-in-url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://pve:1", "https://pve:65535", "https://[::1]:8006", "https://10.1.2.3", "https://PVE.Lab:08006/",
            "https://pve.lab/proxy/api2/json"})
    void acceptsWellFormedBaseUrls(String url) {
        assertThat(with(url).build().apiBase()).startsWith("https://").endsWith("/api2/json");
    }

    @Property(tries = 400)
    void anyTextIsABaseUrlOrAValidationException(@ForAll("urlish") String url) {
        Throwable e = catchThrowable(() -> with(url).build().close());
        if (e != null) {
            assertThat(e).isInstanceOf(ValidationException.class);
        }
    }

    @Provide
    Arbitrary<String> urlish() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of("https://", "http://", "HTTPS://", "ftp://", "//", ":", "@", "[", "]",
                "::1", "pve", ".lab", "/", "?", "#", "%", "%zz", "8006", "65536", "99999999999", "-", "\u0661", "\u00e9", " ", "api2/json"),
                Arbitraries.strings().ofMaxLength(4));
        return piece.list().ofMaxSize(8).map(l -> String.join("", l));
    }
}
