package dev.ops.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class AddressValuesTest {

    @Test
    void ipv4AndIpv6LiteralsParseWithoutAnyLookup() {
        assertThat(IpAddress.parse("192.168.2.1").value()).isEqualTo(BigInteger.valueOf(0xC0A80201L));
        assertThat(IpAddress.parse("FD00:0:0:0:0:0:0:1")).hasToString("fd00::1");
        assertThat(IpAddress.parse("::ffff:10.0.0.1")).hasToString("::ffff:a00:1");
        assertThat(IpAddress.parse("2001:db8:0:0:1:0:0:1")).hasToString("2001:db8::1:0:0:1");
    }

    @Test
    void malformedAddressesAreRefused() {
        for (String bad : new String[] {"256.0.0.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "fd00::1::2", "fd00:12345::1", "example.com", "", "1:2:3:4:5:6:7:8:9"}) {
            assertThat(IpAddress.tryParse(bad)).as(bad).isEmpty();
        }
        assertThatThrownBy(() -> IpAddress.parse("example.com")).isInstanceOf(ValidationException.class);
    }

    @Property(tries = 300)
    void ipv6TextRoundTrips(@ForAll @BigRange(min = "0", max = "340282366920938463463374607431768211455") BigInteger v) {
        IpAddress ip = new IpAddress(IpFamily.IPV6, v);
        assertThat(IpAddress.parse(ip.toString())).isEqualTo(ip);
    }

    @Property(tries = 300)
    void ipv4TextRoundTrips(@ForAll @LongRange(min = 0, max = 0xFFFFFFFFL) long v) {
        IpAddress ip = new IpAddress(IpFamily.IPV4, BigInteger.valueOf(v));
        assertThat(IpAddress.parse(ip.toString())).isEqualTo(ip);
    }

    @Test
    void cidrKnowsItsNetworkAndContainment() {
        Cidr c = Cidr.parse("192.168.2.10/24");
        assertThat(c.network()).hasToString("192.168.2.0/24");
        assertThat(c.isNetwork()).isFalse();
        assertThat(c.contains(IpAddress.parse("192.168.2.255"))).isTrue();
        assertThat(c.contains(IpAddress.parse("192.168.3.0"))).isFalse();
        assertThat(Cidr.parse("fd00:2::/64").overlaps(Cidr.parse("fd00:2::8000/65"))).isTrue();
    }

    @Test
    void invalidCidrsNameTheProblem() {
        assertThatThrownBy(() -> Cidr.parse("192.168.2.0/33")).isInstanceOf(ValidationException.class).hasMessageContaining("0 to 32");
        assertThatThrownBy(() -> Cidr.parse("192.168.2.0")).isInstanceOf(ValidationException.class).hasMessageContaining("no /prefix");
        assertThatThrownBy(() -> Cidr.parse("gw/24")).isInstanceOf(ValidationException.class).hasMessageContaining("does not start with");
    }

    @Test
    void macsParseAndPrintCanonically() {
        MacAddress m = MacAddress.parse("02-00-00-AB-CD-EF");
        assertThat(m).hasToString("02:00:00:ab:cd:ef");
        assertThat(m.isLocallyAdministered()).isTrue();
        assertThat(MacAddress.parse("01:00:5e:00:00:01").isMulticast()).isTrue();
    }

    @Test
    void addressesWithDigitsOfOtherScriptsAreRefused() {
        // Arabic-Indic 127, Devanagari 1, fullwidth 1: each a digit to Character.isDigit, none to ops
        for (String bad : new String[] {"\u0661\u0662\u0667.0.0.1", "10.0.0.\u0967", "10.\uFF11.0.1", "fe80::\u0661", "::ffff:10.0.0.\u0661"}) {
            assertThat(IpAddress.tryParse(bad)).as(bad).isEmpty();
            assertThatThrownBy(() -> IpAddress.parse(bad)).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void aCidrWithAPrefixInDigitsOfAnotherScriptIsRefused() {
        assertThat(Cidr.tryParse("10.0.0.0/\u0662\u0664")).isEmpty();
        assertThat(Cidr.tryParse("\u0661\u0660.0.0.0/24")).isEmpty();
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/\u0662\u0664")).isInstanceOf(ValidationException.class);
    }

    @Test
    void aMacWithFullwidthHexDigitsIsRefused() {
        assertThat(MacAddress.isValid("02:00:00:00:00:\uFF11\uFF12")).isFalse();
        assertThatThrownBy(() -> MacAddress.parse("02:00:00:00:00:\u0661\u0662")).isInstanceOf(ValidationException.class);
    }

    @Test
    void cidrOfABadPrefixIsAValidationErrorNamingThePrefix() {
        IpAddress v4 = IpAddress.parse("10.0.0.0");

        for (int bad : new int[] {33, -1}) {
            assertThatThrownBy(() -> Cidr.of(v4, bad)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.violationsOf("prefix")).hasSize(1));
        }
        assertThat(Cidr.of(IpAddress.parse("fd00::"), 128)).hasToString("fd00::/128");
    }

    @Test
    void outOfRangeValuesAreValidationErrorsNotIllegalArguments() {
        assertThatThrownBy(() -> new IpAddress(IpFamily.IPV4, BigInteger.ONE.shiftLeft(32))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("value")).hasSize(1));
        assertThatThrownBy(() -> IpAddress.parse("255.255.255.255").plus(1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new MacAddress(1L << 48)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("value")).hasSize(1));
        assertThatThrownBy(() -> MacAddress.of(new byte[5])).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("bytes")).hasSize(1));
    }
}
