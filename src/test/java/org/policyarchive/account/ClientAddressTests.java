package org.policyarchive.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressTests {

    @ParameterizedTest
    @CsvSource({
        "203.0.113.7, 203.0.113.7, 203.0.113.0/24",
        "2001:DB8:7:7::1, 2001:db8:7:7:0:0:0:1, 2001:db8:7:7:0:0:0:0/64",
        "[2001:db8::1], 2001:db8:0:0:0:0:0:1, 2001:db8:0:0:0:0:0:0/64",
        "fe80::1%eth0, fe80:0:0:0:0:0:0:1, fe80:0:0:0:0:0:0:0/64",
        "::ffff:198.51.100.9, 198.51.100.9, 198.51.100.0/24"
    })
    void spellsAnAddressAndItsNetworkOneWay(String remoteAddress, String address, String network) {
        assertThat(ClientAddress.of(remoteAddress)).isEqualTo(new ClientAddress(address, network));
    }

    /** What X-Forwarded-For may say that is no address: counted together, never looked up as a host name. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "unknown",
                "example.org",
                "256.1.1.1",
                "1.2.3",
                "01.2.3.4",
                "2001:db8::1::2",
                "abc",
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            })
    void countsWhatIsNoAddressTogether(String remoteAddress) {
        assertThat(ClientAddress.of(remoteAddress)).isEqualTo(ClientAddress.UNREADABLE);
    }
}
