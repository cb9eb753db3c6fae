package dev.ops.testkit.pve.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PVE's named string formats as the fake checks them: for every format the schema names, a value PVE
 * accepts (taken from PVE's docs and configs) and one it refuses, with the part of PVE's reason that
 * matters. Rows are {@code format | value [| reason]}; {@code \n} in a value stands for a line break.
 */
class FormatsTest {

    private static final String PEM_CERT = "-----BEGIN CERTIFICATE-----\\nMIIBszCCAVmgAwIBAgIU\\nQUJD\\n-----END CERTIFICATE-----\\n";

    private static final String ACCEPTED = """
            CIDR | 10.0.0.0/24
            CIDRv4 | 192.168.1.0/24
            CIDRv6 | fd00::/64
            IPorCIDR | 192.168.2.0/24
            IPorCIDRorAlias | management
            address | pve1.example.com
            address-list | 1.1.1.1 2606:4700:4700::1111
            backup-fleecing | enabled=1,storage=local-lvm
            backup-performance | max-workers=16,pbs-entries-max=1048576
            bridge-pair-list | vmbr0:vmbr1,vmbr2
            disk-size | 32G
            dns-name | vm-100.lab.example
            dns-name-list | lab.example example.com
            email-list | ops@example.com,admin@example.org
            email-opt | <empty>
            email-opt | root@example.com
            email-or-username | root
            email-or-username-list | root,ops@example.com
            graphite-path | proxmox.mycluster.mykey
            ip | 2001:db8::1
            ip-list | 10.0.0.1,10.0.0.2
            ipv4 | 192.168.1.10
            ipv4mask | 255.255.255.0
            ipv6 | ::ffff:192.0.2.1
            ldap-simple-attr | cn
            ldap-simple-attr-list | groupOfNames,group
            lxc-ip-with-ll-iface-list | fe80::1%eth0 8.8.8.8
            mac-addr | BC:24:11:12:34:56
            mac-prefix | BC:24:11
            pem-certificate | <cert>
            pem-certificate-chain | <cert><cert>
            pem-string | -----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0B\\n-----END PRIVATE KEY-----\\n
            proxmox-remote | host=pve2.example.com,apitoken=PVEAPIToken=root@pam!mig=0a1b2c
            prune-backups | keep-last=3,keep-daily=7,keep-weekly=4
            prune-backups | keep-all=1
            pve-acme-alias | _acme-challenge.example.com
            pve-acme-domain | pve1.example.com
            pve-acme-domain-list | pve1.example.com;pve.example.com
            pve-bridge-id | vmbr0
            pve-bridge-id-list | vmbr0,vmbr1
            pve-calendar-event | mon..fri 02:30
            pve-calendar-event | daily
            pve-calendar-event | */15
            pve-calendar-event | sat *-1..7 15:00
            pve-calendar-event | mon..fri 8..17,22:0/15
            pve-calendar-event | 2025-06-01 00:00
            pve-command-batch | [{"path": "/nodes/pve1/qemu/100/status/start", "method": "POST", "args": {}}]
            pve-configid | backup-job1
            pve-configid-list | memory,net0
            pve-cpuset | 0,5,8-11
            pve-ct-timezone | Europe/Vienna
            pve-ct-timezone | host
            pve-day-of-week-list | mon,wed,fri
            pve-dir-override-list | iso=isos,backup=dumps/pve
            pve-fw-addr-spec | 10.0.0.0/24,10.0.1.5
            pve-fw-addr-spec | +dc/management
            pve-fw-addr-spec | 20.34.101.207-201.3.9.99
            pve-fw-addr-spec | fd00::/64,2001:db8::1
            pve-fw-conntrack-helper | ftp,sip
            pve-fw-dport-spec | 80,443,8000:8100
            pve-fw-dport-spec | echo-request
            pve-fw-icmp-type-spec | echo-request
            pve-fw-protocol-spec | tcp
            pve-fw-protocol-spec | 6
            pve-fw-sport-spec | 1024:65535
            pve-groupid | admins
            pve-groupid-list | admins,ops
            pve-ha-node-list | pve1:2,pve2:1,pve3
            pve-ha-resource-id-list | vm:100,ct:101
            pve-ha-resource-or-vm-id | 100
            pve-hotplug-features | network,disk,usb
            pve-hotplug-features | 0
            pve-iface | eth0
            pve-iface-list | eth0,eth1
            pve-ipv4-config | 10.0.0.5/24
            pve-ipv4-config | dhcp
            pve-ipv6-config | auto
            pve-ipv6-config | fd00::5/64
            pve-lxc-dev-string | /dev/ttyUSB0
            pve-lxc-mp-string | /mnt/data
            pve-node | pve-01
            pve-node-list | pve1,pve2
            pve-poolid | lab/web
            pve-priv-list | VM.Audit,Sys.Audit
            pve-qemu-sev-fmt | type=snp,allow-smt=0
            pve-qemu-tdx-fmt | tdx,attestation=1
            pve-qm-boot | order=scsi0;ide2;net0
            pve-qm-boot | cdn
            pve-qm-bootdisk | scsi0
            pve-qm-cicustom | user=local:snippets/user.yaml,network=local:snippets/net.yaml
            pve-qm-hostpci | 0000:01:00.0,pcie=1,x-vga=1
            pve-qm-hostpci | mapping=gpu0
            pve-qm-ide | local:iso/debian-12.iso,media=cdrom
            pve-qm-ide | none
            pve-qm-ipconfig | ip=10.0.0.5/24,gw=10.0.0.1
            pve-qm-ipconfig | ip=dhcp,ip6=auto
            pve-qm-rng | source=/dev/urandom,max_bytes=1024,period=1000
            pve-qm-smbios1 | uuid=5b0f1c64-8c4e-4a8e-9b0f-1c648c4e4a8e,manufacturer=UHJveG1veA==,base64=1
            pve-qm-watchdog | model=i6300esb,action=reset
            pve-realm | pam
            pve-replication-job-id | 100-0
            pve-roleid | PVEVMAdmin
            pve-roleid-list | PVEVMAdmin,PVEAuditor
            pve-sdn-bgp-rt-list | 65000:100,65000:200
            pve-sdn-controller-id | evpnctl
            pve-sdn-dhcp-range | start-address=10.0.0.100,end-address=10.0.0.200
            pve-sdn-dns-id | powerdns1
            pve-sdn-fabric-id | fabric1
            pve-sdn-ipam-id | pve
            pve-sdn-isis-net | 49.0001.1921.6800.1002.00
            pve-sdn-subnet-id | zone1-10.0.0.0-24
            pve-sdn-vnet-id | vnet1
            pve-sdn-zone-id | zone1
            pve-startup-order | order=1,up=30,down=60
            pve-startup-order | 2
            pve-storage-content | iso
            pve-storage-content-list | images,rootdir
            pve-storage-id | local-lvm
            pve-storage-id-list | local,local-lvm
            pve-storage-options | vers=4.2,soft
            pve-storage-path | /mnt/pve/nfs
            pve-storage-path-in-property-string | /srv/share
            pve-storage-portal-dns | 192.168.1.10:3260
            pve-storage-portal-dns | [fd00::1]:3260
            pve-storage-portal-dns-list | 10.0.0.1 10.0.0.2:6789
            pve-storage-server | nfs.example.com
            pve-storage-vgname | pve
            pve-tag-list | web;prod
            pve-task-status-type-list | ok,error
            pve-tfa-config | type=oath,digits=6,step=30
            pve-tokenid-list | root@pam!automation
            pve-userid | ops@pve
            pve-userid-list | ops@pve,root@pam
            pve-vlan-id-or-range-list | 2 4 100-200
            pve-vm-cpu-conf | host
            pve-vm-cpu-conf | cputype=x86-64-v2-AES,flags=+aes;+pdpe1gb,phys-bits=host
            pve-vm-cpu-conf | custom-mymodel
            pve-vmid | 100
            pve-vmid-list | 100,101
            pve-volume-id | local-lvm:vm-100-disk-0
            pve-volume-id-or-absolute-path | /var/lib/vz/images/base.qcow2
            pve-volume-id-or-qm-path | cdrom
            realm-sync-options | scope=users,remove-vanished=acl;entry;properties,enable-new=1
            storage-pair-list | local-lvm:ceph,local
            storage-pair-list | 1
            string-list | /dev/sdb,/dev/sdc
            urlencoded | ssh-ed25519%20AAAAC3Nza
            """.replace("<cert>", PEM_CERT);

    private static final String REFUSED = """
            CIDR | 10.0.0.0/7 | value does not look like a valid CIDR network
            CIDRv4 | fd00::/64 | value does not look like a valid IPv4 CIDR network
            CIDRv6 | 10.0.0.0/24 | value does not look like a valid IPv6 CIDR network
            IPorCIDR | 192.168.2.1/24 | Invalid prefix 11000000101010000000001000000001/24
            IPorCIDRorAlias | 10.0.0.300 | value does not look like a valid IP address or CIDR network
            address | bad_host! | value does not look like a valid address: bad_host!
            address-list | 1.1.1.1,-bad | value does not look like a valid address: -bad
            backup-fleecing | enabled=1,storage=1bad | storage: invalid format - storage ID '1bad' contains illegal characters
            backup-performance | max-workers=512 | max-workers: value must have a maximum value of 256
            bridge-pair-list | vmbr0:vmbr/1 | entry 'vmbr0:vmbr/1' contains invalid ID - invalid bridge ID 'vmbr/1'
            disk-size | 32GB | unable to parse size '32GB'
            dns-name | -bad.example | value does not look like a valid DNS name
            dns-name-list | lab..example | value does not look like a valid DNS name
            email-list | ops@example.com,nobody | value does not look like a valid email address
            email-opt | root@ | value does not look like a valid email address
            email-or-username | bad user | value does not look like a valid email address or user name
            email-or-username-list | root,a@b@c | value does not look like a valid email address or user name
            graphite-path | proxmox..key | value does not look like a valid graphite path
            ip | 2001:db8:::1 | value does not look like a valid IP address
            ip-list | 10.0.0.1,10.0.0.256 | value does not look like a valid IP address
            ipv4 | 192.168.1.256 | value does not look like a valid IPv4 address
            ipv4mask | 255.0.255.0 | value does not look like a valid IP netmask
            ipv6 | 1:2:3:4:5:6:7:8:9 | value does not look like a valid IPv6 address
            ldap-simple-attr | cn=foo | value 'cn=foo' does not look like a simple ldap attribute name
            ldap-simple-attr-list | group-of-names | does not look like a simple ldap attribute name
            lxc-ip-with-ll-iface-list | fe80::1% | value does not look like a valid IP address
            mac-addr | 01:00:5E:00:00:01 | value does not look like a valid unicast MAC address
            mac-prefix | 01:00:5E | value is not a valid unicast MAC address prefix
            pem-certificate | MIIBszCCAVmgAwIBAgIU | not a valid PEM-formatted string.
            pem-certificate-chain | -----BEGIN CERTIFICATE-----\\nM!IB\\n-----END CERTIFICATE-----\\n | not a valid PEM-formatted string.
            pem-string | -----BEGIN KEY-----\\nMIIE\\n | not a valid PEM-formatted string.
            proxmox-remote | host=pve2 | apitoken: property is missing and it is not optional
            prune-backups | keep-all=1,keep-last=3 | keep-all cannot be set together with other options.
            pve-acme-alias | example | value 'example' does not look like a valid alias name!
            pve-acme-domain | *.example.com | value '*.example.com' does not look like a valid domain name!
            pve-acme-domain-list | pve1.example.com;bad_domain | value 'bad_domain' does not look like a valid domain name!
            pve-bridge-id | vmbr0;rm | invalid bridge ID 'vmbr0;rm'
            pve-bridge-id-list | vmbr0,vm/br1 | invalid bridge ID 'vm/br1'
            pve-calendar-event | 25:00 | invalid calendar event '25:00'
            pve-calendar-event | every day | invalid calendar event 'every day'
            pve-command-batch | [{"path": "/version", "method": "FETCH"}] | commands is not a valid array of commands
            pve-command-batch | start vm 100 | commands param did not contain valid JSON
            pve-configid | 1job | invalid configuration ID '1job'
            pve-configid-list | net0,0net | invalid configuration ID '0net'
            pve-cpuset | 8-4 | unable to parse cpuset option
            pve-ct-timezone | Mars/Olympus | invalid time zone 'Mars/Olympus'
            pve-day-of-week-list | mon,funday | invalid day 'funday'
            pve-dir-override-list | iso=../isos | invalid override 'iso=../isos'
            pve-fw-addr-spec | 10.0.0.1,fd00::1 | detected mixed ipv4/ipv6 addresses in address list '10.0.0.1,fd00::1'
            pve-fw-addr-spec | 10.0.0.1/24 | invalid IP address: Invalid prefix
            pve-fw-addr-spec | 10.0.0.1-10.0.0.9,10.0.1.1 | you can't use a range in a list
            pve-fw-addr-spec | fd00::1/64 | invalid IP address: Invalid prefix
            pve-fw-addr-spec | 10.0.0.9-10.0.0.1 | invalid IP address: Begin address is greater than End address
            pve-fw-conntrack-helper | ftp,http | unknown helper http
            pve-fw-dport-spec | 85:80 | backwards range '85:80' not allowed, did you mean '80:85'?
            pve-fw-dport-spec | echo-request,22 | ICMP ports not allowed in port range
            pve-fw-icmp-type-spec | ping | invalid icmp-type value 'ping'
            pve-fw-protocol-spec | tcpp | unknown protocol 'tcpp'
            pve-fw-sport-spec | 70000 | invalid port '70000'
            pve-groupid | ad mins | group name 'ad mins' contains invalid characters
            pve-groupid-list | admins,op$ | group name 'op$' contains invalid characters
            pve-ha-node-list | pve1:high | value does not look like a valid ha group node
            pve-ha-resource-id-list | vm:100,vm:1 | unable to parse HA resource id 'vm:1'
            pve-ha-resource-or-vm-id | vm:abc | unable to parse HA resource id 'vm:abc'
            pve-hotplug-features | network,gpu | unable to parse hotplug option
            pve-iface | 0eth | invalid network interface name '0eth'
            pve-iface-list | eth0,e | invalid network interface name 'e'
            pve-ipv4-config | 10.0.0.5 | value does not look like a valid ipv4 network configuration
            pve-ipv6-config | fd00::5/4 | value does not look like a valid ipv6 network configuration
            pve-lxc-dev-string | /dev/../etc/shadow | /dev/../etc/shadow is not a valid device path
            pve-lxc-mp-string | /mnt/../etc | /mnt/../etc contains illegal character sequences
            pve-node | pve_01 | value does not look like a valid node name
            pve-node-list | pve1,-pve2 | value does not look like a valid node name
            pve-poolid | lab web | pool name 'lab web' contains illegal characters
            pve-priv-list | VM.Audit,1x | invalid privilege name '1x'
            pve-qemu-sev-fmt | type=sev | type: value 'sev' does not have a value in the enumeration 'std, es, snp'
            pve-qemu-tdx-fmt | tdx | attestation: property is missing and it is not optional
            pve-qm-boot | order=scsi0;efidisk0 | order: invalid format - invalid boot device 'efidisk0'
            pve-qm-bootdisk | scsi31 | invalid boot disk 'scsi31'
            pve-qm-cicustom | user=user.yaml | user: invalid format - unable to parse volume ID 'user.yaml'
            pve-qm-hostpci | 0000:01:00.0,vendor-id=10de | vendor-id: value does not match the regex pattern
            pve-qm-ide | local:iso/x.iso,media=floppy | media: value 'floppy' does not have a value in the enumeration
            pve-qm-ipconfig | gw=10.0.0.1 | ip: missing property - 'gw' requires this property
            pve-qm-ipconfig | ip=10.0.0.5 | ip: invalid format - value does not look like a valid ipv4 network configuration
            pve-qm-rng | max_bytes=1024 | source: property is missing and it is not optional
            pve-qm-smbios1 | serial=not base64! | serial: value does not match the regex pattern
            pve-qm-watchdog | action=explode | action: value 'explode' does not have a value in the enumeration
            pve-realm | 1pam | value '1pam' does not look like a valid realm
            pve-replication-job-id | 99-1 | invalid replication job id '99-1' (guest IDs < 100 are reseved)
            pve-roleid | VM Admin | role name 'VM Admin' contains invalid characters
            pve-roleid-list | PVEAuditor,Bad! | role name 'Bad!' contains invalid characters
            pve-sdn-bgp-rt-list | 65000:4294967296 | value does not look like a valid bgp route-target
            pve-sdn-controller-id | evpn ctl | controller ID 'evpn ctl' contains illegal characters
            pve-sdn-dhcp-range | start-address=10.0.0.100 | end-address: property is missing and it is not optional
            pve-sdn-dns-id | power-dns | dns ID 'power-dns' contains illegal characters
            pve-sdn-fabric-id | fabric-123 | Fabric ID 'fabric-123' contains illegal characters
            pve-sdn-ipam-id | my_ipam | ipam ID 'my_ipam' contains illegal characters
            pve-sdn-isis-net | 49.0001.00 | value does not look like a valid isis net
            pve-sdn-subnet-id | zone1-10.0.0.0-33 | value does not look like a valid CIDR network
            pve-sdn-vnet-id | vnet12345 | vnet ID 'vnet12345' can't be more length than 8 characters
            pve-sdn-zone-id | 1zone | zone ID '1zone' contains illegal characters
            pve-startup-order | order=first | unable to parse startup options
            pve-storage-content | isos | invalid content type 'isos'
            pve-storage-content-list | images,disks | invalid content type 'disks'
            pve-storage-id | local lvm | storage ID 'local lvm' contains illegal characters
            pve-storage-id-list | local,-x | storage ID '-x' contains illegal characters
            pve-storage-options | vers=4.2, soft | invalid options 'vers=4.2, soft'
            pve-storage-path | mnt/pve | value does not look like a valid absolute path
            pve-storage-path-in-property-string | /;rm | These symbols are currently not allowed in path: ;,=()
            pve-storage-portal-dns | iscsi.example.com:port | value does not look like a valid portal address
            pve-storage-portal-dns-list | 10.0.0.1,mon_1 | value does not look like a valid portal address
            pve-storage-server | nfs_server | value does not look like a valid server name or IP address
            pve-storage-vgname | -pve | lvm name '-pve' contains illegal characters
            pve-tag-list | web;-prod | invalid characters in tag
            pve-task-status-type-list | ok,failed | invalid status 'failed'
            pve-tfa-config | type=totp | type: value 'totp' does not have a value in the enumeration 'yubico, oath'
            pve-tokenid-list | automation | value 'automation' does not look like a valid token ID
            pve-userid | ops | value 'ops' does not look like a valid user name
            pve-userid-list | ops@pve,ops | value 'ops' does not look like a valid user name
            pve-vlan-id-or-range-list | 2 100-50 | VLAN range must go from lower to higher tag '100-50'
            pve-vlan-id-or-range-list | 1 | invalid VLAN tag '1'
            pve-vm-cpu-conf | cputype=skylake | Built-in cputype 'skylake' is not defined (missing 'custom-' prefix?)
            pve-vm-cpu-conf | host,flags=+avx512f | VM-specific CPU flags must be a subset of: nested-virt, md-clear
            pve-vm-cpu-conf | host,reported-model=EPYC | Property 'reported-model' not allowed in VM-specific CPU config.
            pve-vmid | 99 | value does not look like a valid VM ID
            pve-vmid-list | 100,abc | value does not look like a valid VM ID
            pve-volume-id | vm-100-disk-0 | unable to parse volume ID 'vm-100-disk-0'
            pve-volume-id-or-absolute-path | cdrom | unable to parse volume ID 'cdrom'
            pve-volume-id-or-qm-path | disk.img | unable to parse volume ID 'disk.img'
            realm-sync-options | remove-vanished=users | remove-vanished: value does not match the regex pattern
            storage-pair-list | local-lvm:ce/ph | entry 'local-lvm:ce/ph' contains invalid ID - storage ID 'ce/ph' contains illegal characters
            urlencoded | ssh-ed25519 AAAA | value 'ssh-ed25519 AAAA' is not urlencoded
            """;

    /** Formats that refuse nothing in PVE either. */
    private static final Set<String> ACCEPT_ANYTHING = Set.of("string-list");

    static Stream<Arguments> accepted() {
        return rows(ACCEPTED);
    }

    static Stream<Arguments> refused() {
        return rows(REFUSED);
    }

    @ParameterizedTest(name = "{0} accepts {1}")
    @MethodSource("accepted")
    void acceptsWhatPveAccepts(String format, String value) {
        assertThat(Formats.check(format, value)).isNull();
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("refused")
    void refusesWhatPveRefusesWithPvesReason(String format, String value, String reason) {
        assertThat(Formats.check(format, value)).isNotNull().contains(reason);
    }

    @Test
    void everyFormatTheSchemaNamesIsCheckedOrDeliberatelyLeftUnchecked() throws IOException {
        Set<String> used = schemaFormats();
        assertThat(used).hasSizeGreaterThan(100).contains("pve-vmid", "pve-qm-ipconfig", "pve-sdn-dhcp-range");
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeIf(name -> Formats.implemented(name) || Formats.NOT_CHECKED.contains(name));

        assertThat(unknown).as("formats the schema names that are neither implemented nor in Formats.NOT_CHECKED").isEmpty();
        assertThat(used).as("Formats.NOT_CHECKED lists only names the schema uses").containsAll(Formats.NOT_CHECKED);
        assertThat(Formats.NOT_CHECKED).as("a format in NOT_CHECKED is not also implemented").noneMatch(Formats::implemented);
    }

    @Test
    void everyImplementedFormatOfTheSchemaHasAnAcceptedAndARefusedExample() throws IOException {
        Set<String> withAccepted = formatsOf(ACCEPTED);
        Set<String> withRefused = formatsOf(REFUSED);
        Set<String> implemented = new TreeSet<>(schemaFormats());
        implemented.removeIf(name -> !Formats.implemented(name));

        assertThat(withAccepted).containsAll(implemented);
        assertThat(withRefused).containsAll(implemented.stream().filter(n -> !ACCEPT_ANYTHING.contains(n)).toList());
    }

    @Test
    void unknownFormatNamesPass() {
        assertThat(Formats.check("no-such-format", "anything at all")).isNull();
        assertThat(Formats.implemented("no-such-format-list")).isFalse();
    }

    @Test
    void listFormatsCheckEveryItemOfCommaSemicolonOrSpaceSeparatedLists() {
        assertThat(Formats.check("pve-vmid-list", "100;101 102,103")).isNull();
        assertThat(Formats.check("pve-vmid-list", "100;101 12")).isEqualTo("value does not look like a valid VM ID");
    }

    private static Stream<Arguments> rows(String table) {
        return table.lines().filter(l -> !l.isBlank()).map(l -> {
            String[] cells = l.split(" \\| ", -1);
            Object[] args = new Object[cells.length];
            for (int i = 0; i < cells.length; i++) {
                String cell = cells[i].strip().replace("\\n", "\n");
                args[i] = cell.equals("<empty>") ? "" : cell;
            }
            return Arguments.of(args);
        });
    }

    private static Set<String> formatsOf(String table) {
        Set<String> names = new TreeSet<>();
        rows(table).forEach(a -> names.add((String) a.get()[0]));
        return names;
    }

    /** Every string-valued {@code format} anywhere in the bundled schema (parameters, returns, nested formats). */
    private static Set<String> schemaFormats() throws IOException {
        try (InputStream in = new GZIPInputStream(FormatsTest.class.getResourceAsStream(ApiSchema.RESOURCE))) {
            Set<String> names = new TreeSet<>();
            collect(new ObjectMapper().readTree(in), names);
            return names;
        }
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isObject() && node.path("format").isTextual()) {
            names.add(node.get("format").asText());
        }
        node.forEach(child -> collect(child, names));
    }
}
