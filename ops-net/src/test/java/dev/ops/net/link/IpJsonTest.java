package dev.ops.net.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.net.Cidr;
import dev.ops.net.IpAddress;
import dev.ops.net.link.internal.IpJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON shapes of iproute2 6.x {@code ip -json -details}, as printed on a Proxmox host. */
class IpJsonTest {
    static final String LINKS = """
            [{"ifindex":2,"ifname":"eno1","flags":["BROADCAST","MULTICAST","SLAVE","UP","LOWER_UP"],"mtu":9000,"qdisc":"mq",
              "master":"bond0","operstate":"UP","address":"3c:ec:ef:00:00:01","linkinfo":{"info_slave_kind":"bond",
              "info_slave_data":{"state":"ACTIVE"}}},
             {"ifindex":5,"ifname":"bond0","flags":["BROADCAST","MULTICAST","MASTER","UP","LOWER_UP"],"mtu":9000,"master":"vmbr0",
              "operstate":"UP","address":"3c:ec:ef:00:00:01","linkinfo":{"info_kind":"bond","info_data":{"mode":"802.3ad",
              "miimon":100,"updelay":0}}},
             {"ifindex":6,"ifname":"vmbr0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":9000,"operstate":"UP",
              "address":"3c:ec:ef:00:00:01","linkinfo":{"info_kind":"bridge","info_data":{"stp_state":0,"vlan_filtering":1}}},
             {"ifindex":7,"link":"vmbr0","ifname":"vmbr0.20","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":9000,
              "operstate":"UP","address":"3c:ec:ef:00:00:01","linkinfo":{"info_kind":"vlan","info_data":{"protocol":"802.1Q","id":20,
              "flags":["REORDER_HDR"]}}},
             {"ifindex":9,"link_index":8,"ifname":"veth100i0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,
              "master":"vmbr0","operstate":"UP","link_netnsid":0,"address":"fe:00:00:00:01:00","linkinfo":{"info_kind":"veth"}}]
            """;

    @Test
    void linksAreReadWithTheirKindSpecificData() {
        List<Link> links = IpJson.links(LINKS);

        assertThat(links).extracting(Link::name).containsExactly("eno1", "bond0", "vmbr0", "vmbr0.20", "veth100i0");
        Link eno1 = links.get(0);
        assertThat(eno1.kind()).isEmpty();
        assertThat(eno1.master()).contains("bond0");
        assertThat(eno1.isUp()).isTrue();
        Link bond = links.get(1);
        assertThat(bond.bondMode()).contains("802.3ad");
        assertThat(bond.miimon()).hasValue(100);
        assertThat(links.get(2).vlanAware()).contains(true);
        Link vlan = links.get(3);
        assertThat(vlan.vlanId()).hasValue(20);
        assertThat(vlan.parent()).contains("vmbr0");
        assertThat(links.get(4).parent()).as("peer in another namespace").isEmpty();
    }

    @Test
    void addressesAndRoutesAreTyped() {
        String addrs = """
                [{"ifindex":6,"ifname":"vmbr0","addr_info":[{"family":"inet","local":"192.168.2.10","prefixlen":24,"scope":"global"},
                  {"family":"inet6","local":"fe80::1","prefixlen":64,"scope":"link"}]}]
                """;
        String routes = """
                [{"dst":"default","gateway":"192.168.2.1","dev":"vmbr0","protocol":"kernel","flags":[]},
                 {"dst":"192.168.2.0/24","dev":"vmbr0","protocol":"kernel","scope":"link","prefsrc":"192.168.2.10","flags":[]},
                 {"type":"blackhole","dst":"10.9.0.0/16","protocol":"static","flags":[]},
                 {"dst":"10.20.0.0/16","gateway":"192.168.2.254","dev":"vmbr0","protocol":"static","metric":100,"flags":[]}]
                """;

        assertThat(IpJson.addresses(addrs)).extracting(LinkAddress::cidr)
                .containsExactly(Cidr.parse("192.168.2.10/24"), Cidr.parse("fe80::1/64"));
        List<Route> r = IpJson.routes(routes);
        assertThat(r).hasSize(3);
        assertThat(r.get(0).isDefault()).isTrue();
        assertThat(r.get(0).gateway()).contains(IpAddress.parse("192.168.2.1"));
        assertThat(r.get(2).metric()).hasValue(100);
    }
}
