package dev.ops.proxmox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An error's text is the body's message, with a reason phrase beside it only where it says more than its status. */
class ErrorMessageTest {

    @Test
    void theBodysMessageWinsOverAProxysGenericReasonPhrase() {
        assertThat(ErrorClassifier.message(500, "Internal Server Error", "QEMU guest agent is not running\n"))
                .isEqualTo("QEMU guest agent is not running");
    }

    @Test
    void aReasonPhraseAloneIsTheTextAsOnPve6() {
        assertThat(ErrorClassifier.message(500, "VM 101 not running", null)).isEqualTo("VM 101 not running");
        assertThat(ErrorClassifier.message(500, "", " ")).isEqualTo("HTTP 500");
    }

    @Test
    void aReasonPhraseThatSaysMoreIsKeptBesideTheBody() {
        assertThat(ErrorClassifier.message(500, "hotplug problem", "VM 101 qmp command failed"))
                .isEqualTo("VM 101 qmp command failed (reason phrase: hotplug problem)");
        assertThat(ErrorClassifier.message(500, "VM 101 qmp command failed", "VM 101 qmp command failed\n"))
                .isEqualTo("VM 101 qmp command failed");
    }
}
