package dev.ops.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AsciiNumbersTest {

    @Test
    void parsesAsciiDigitsWithASign() {
        assertThat(AsciiNumbers.parseInt("127")).isEqualTo(127);
        assertThat(AsciiNumbers.parseInt("-5")).isEqualTo(-5);
        assertThat(AsciiNumbers.parseLong("+9000000000")).isEqualTo(9_000_000_000L);
        assertThat(AsciiNumbers.parseInt("ff", 16)).isEqualTo(255);
        assertThat(AsciiNumbers.parseLong("7FFF", 16)).isEqualTo(0x7fff);
    }

    @Test
    void refusesDigitsOfOtherScriptsThatTheJdkAccepts() {
        assertThat(Integer.parseInt("١٢٧")).isEqualTo(127); // the JDK's behaviour this class exists for
        assertThatThrownBy(() -> AsciiNumbers.parseInt("١٢٧")).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("only ASCII digits");
        assertThatThrownBy(() -> AsciiNumbers.parseLong("１２")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> AsciiNumbers.parseInt("٣f", 16)).isInstanceOf(NumberFormatException.class);
        assertThat(AsciiNumbers.isDigits("12٣")).isFalse();
        assertThat(AsciiNumbers.isDigit('٣')).isFalse();
    }

    @Test
    void refusesEmptyAndNullAndSignOnly() {
        assertThatThrownBy(() -> AsciiNumbers.parseInt("")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> AsciiNumbers.parseInt(null)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> AsciiNumbers.parseInt("-")).isInstanceOf(NumberFormatException.class);
        assertThat(AsciiNumbers.isDigits("")).isFalse();
    }
}
