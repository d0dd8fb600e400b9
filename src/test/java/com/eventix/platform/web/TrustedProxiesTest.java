package com.eventix.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
    private final TrustedProxies proxies = TrustedProxies.parse("127.0.0.1,::1, 10.0.0.0/8 ,192.168.4.0/22");

    @Test
    void withoutTrustedProxiesTheSocketPeerIsTheClientWhateverItForwards() {
        assertThat(TrustedProxies.NONE.client("198.51.100.7", List.of("1.2.3.4"))).isEqualTo("198.51.100.7");
        assertThat(TrustedProxies.parse("").client("198.51.100.7", List.of("1.2.3.4"))).isEqualTo("198.51.100.7");
    }

    @Test
    void aPeerThatIsNotATrustedProxyIsTheClient() {
        assertThat(proxies.client("198.51.100.7", List.of("1.2.3.4"))).isEqualTo("198.51.100.7");
    }

    @Test
    void theRightMostUntrustedHopIsTheClient() {
        assertThat(proxies.client("127.0.0.1", List.of("10.1.2.3"))).isEqualTo("10.1.2.3");
        assertThat(proxies.client("127.0.0.1", List.of("203.0.113.5"))).isEqualTo("203.0.113.5");
        // The client wrote "6.6.6.6" itself; the trusted balancer appended the address it saw.
        assertThat(proxies.client("127.0.0.1", List.of("6.6.6.6, 203.0.113.5"))).isEqualTo("203.0.113.5");
        // Two trusted proxies in a chain are skipped.
        assertThat(proxies.client("10.0.0.2", List.of("6.6.6.6, 203.0.113.5, 192.168.5.9, 10.9.9.9")))
                .isEqualTo("203.0.113.5");
        // Several header lines are one list, in order.
        assertThat(proxies.client("127.0.0.1", List.of("6.6.6.6", "203.0.113.5, 10.0.0.1"))).isEqualTo("203.0.113.5");
    }

    @Test
    void cidrRangesMatchOnTheirPrefixOnly() {
        assertThat(proxies.client("192.168.7.255", List.of("203.0.113.5"))).isEqualTo("203.0.113.5");
        assertThat(proxies.client("192.168.8.1", List.of("203.0.113.5"))).isEqualTo("192.168.8.1");
        assertThat(proxies.client("11.0.0.1", List.of("203.0.113.5"))).isEqualTo("11.0.0.1");
    }

    @Test
    void ipv6PeersAndPortsAreUnderstood() {
        assertThat(proxies.client("0:0:0:0:0:0:0:1", List.of("2001:db8::7"))).isEqualTo("2001:db8::7");
        assertThat(proxies.client("127.0.0.1", List.of("203.0.113.5:51234"))).isEqualTo("203.0.113.5");
        assertThat(proxies.client("127.0.0.1", List.of("[2001:db8::7]:443"))).isEqualTo("2001:db8::7");
        TrustedProxies v6 = TrustedProxies.parse("fd00::/8");
        assertThat(v6.client("fd12::1", List.of("2001:db8::7"))).isEqualTo("2001:db8::7");
        assertThat(v6.client("fe80::1", List.of("2001:db8::7"))).isEqualTo("fe80::1");
    }

    @Test
    void whenEveryHopIsTrustedTheLeftMostIsTheNearestToTheClient() {
        assertThat(proxies.client("127.0.0.1", List.of("10.0.0.5, 10.0.0.6"))).isEqualTo("10.0.0.5");
        assertThat(proxies.client("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
        assertThat(proxies.client("127.0.0.1", null)).isEqualTo("127.0.0.1");
    }

    @Test
    void garbageIsNeverResolvedAndStopsTheWalk() {
        assertThat(proxies.client("127.0.0.1", List.of("203.0.113.5, unknown"))).isEqualTo("unknown");
        assertThat(TrustedProxies.literal("localhost")).isEmpty();
        assertThat(TrustedProxies.literal("example.com")).isEmpty();
        assertThat(TrustedProxies.literal("999.1.1.1")).isEmpty();
        assertThat(TrustedProxies.literal(".:")).isEmpty();
    }

    @Test
    void theFormerTrustProxyHeadersMeansOneHopOfAnyAddress() {
        assertThat(TrustedProxies.DIRECT_PEER.client("172.16.0.9", List.of("6.6.6.6, 203.0.113.5")))
                .isEqualTo("203.0.113.5");
        assertThat(TrustedProxies.DIRECT_PEER.client("172.16.0.9", List.of())).isEqualTo("172.16.0.9");
    }

    @Test
    void entriesThatAreNotAddressesStopStartup() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.internal")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proxy.internal");
    }
}
