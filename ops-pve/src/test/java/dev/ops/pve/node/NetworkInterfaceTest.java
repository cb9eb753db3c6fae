package dev.ops.pve.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.pve.testing.Answers;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Interfaces of /nodes/{node}/network are typed, lenient about Proxmox's spellings, and keep fields ops does not know. */
class NetworkInterfaceTest {

    @Test
    void readsABridge() throws IOException {
        NetworkInterface i = Answers.one(NetworkInterface.class, """
                {"data":[{"iface":"vmbr0","type":"bridge","method":"static","method6":"manual","families":["inet"],
                "address":"192.168.1.10","netmask":"24","cidr":"192.168.1.10/24","gateway":"192.168.1.1","bridge_ports":"eno1",
                "bridge_stp":"off","bridge_fd":"0","bridge_vlan_aware":1,"bridge_vids":"2-4094","active":1,"autostart":1,
                "priority":5,"mtu":"9000","comments":"uplink\\n","options":["post-up echo hi"]}]}""");
        assertThat(i.iface()).isEqualTo("vmbr0");
        assertThat(i.type()).isEqualTo("bridge");
        assertThat(i.method()).contains("static");
        assertThat(i.method6()).contains("manual");
        assertThat(i.families()).containsExactly("inet");
        assertThat(i.address()).contains("192.168.1.10");
        assertThat(i.cidr()).contains("192.168.1.10/24");
        assertThat(i.gateway()).contains("192.168.1.1");
        assertThat(i.bridgePorts()).contains("eno1");
        assertThat(i.bridgeVlanAware()).isTrue();
        assertThat(i.bridgeVids()).contains("2-4094");
        assertThat(i.active()).isTrue();
        assertThat(i.autostart()).isTrue();
        assertThat(i.exists()).isFalse();
        assertThat(i.priority()).hasValue(5);
        assertThat(i.mtu()).hasValue(9000);
        assertThat(i.comments()).contains("uplink\n");
        assertThat(i.options()).containsExactly("post-up echo hi");
        assertThat(i.bridgeLearning()).as("unset flags are not guessed").isEmpty();
        assertThat(i.unknownFields()).containsOnlyKeys("bridge_stp", "bridge_fd");
        assertThat(i.field("bridge_stp")).contains("off");
    }

    @Test
    void readsABondAVlanAndABridgePort() throws IOException {
        List<NetworkInterface> is = Answers.list(NetworkInterface.class, """
                {"data":[{"iface":"bond0","type":"bond","slaves":"eno1 eno2","bond_mode":"active-backup","bond-primary":"eno1",
                "bond_xmit_hash_policy":"layer2+3","exists":1},
                {"iface":"vlan20","type":"vlan","vlan-id":"20","vlan-raw-device":"bond0","vlan-protocol":"802.1q"},
                {"iface":"veth0","type":"eth","bridge-access":30,"bridge-learning":"0","bridge-unicast-flood":true,
                "address6":"fd00::10","netmask6":"64","cidr6":"fd00::10/64","gateway6":"fd00::1"}]}""");
        assertThat(is.get(0).slaves()).contains("eno1 eno2");
        assertThat(is.get(0).bondMode()).contains("active-backup");
        assertThat(is.get(0).bondPrimary()).contains("eno1");
        assertThat(is.get(0).bondXmitHashPolicy()).contains("layer2+3");
        assertThat(is.get(0).exists()).isTrue();
        assertThat(is.get(1).vlanId()).hasValue(20);
        assertThat(is.get(1).vlanRawDevice()).contains("bond0");
        assertThat(is.get(1).vlanProtocol()).contains("802.1q");
        assertThat(is.get(2).bridgeAccess()).hasValue(30);
        assertThat(is.get(2).bridgeLearning()).contains(false);
        assertThat(is.get(2).bridgeUnicastFlood()).contains(true);
        assertThat(is.get(2).netmask6()).hasValue(64);
        assertThat(is.get(2).cidr6()).contains("fd00::10/64");
        assertThat(is.get(2).gateway6()).contains("fd00::1");
        assertThat(is).allSatisfy(i -> assertThat(i.unknownFields()).isEmpty());
    }

    @Test
    void aValueOfAnUnexpectedShapeLeavesOnlyThatFieldUnset() throws IOException {
        NetworkInterface i = Answers.one(NetworkInterface.class, """
                {"data":[{"iface":"eno1","type":"eth","mtu":"jumbo","families":"inet","options":["a",{"b":1},2],"active":"yes"}]}""");
        assertThat(i.mtu()).isEmpty();
        assertThat(i.families()).isEmpty();
        assertThat(i.options()).containsExactly("a", "2");
        assertThat(i.active()).isTrue();
        assertThat(i.iface()).isEqualTo("eno1");
    }
}
