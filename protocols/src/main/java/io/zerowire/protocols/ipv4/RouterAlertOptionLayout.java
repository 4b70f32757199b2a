package io.zerowire.protocols.ipv4;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Const;
import io.zerowire.annotations.Header;

/**
 * The IPv4 Router Alert option (RFC 2113): type 148, length 4, a 16-bit value (0: routers shall
 * examine the packet). Generated: {@code RouterAlertOption} (a strict view of one option, for
 * example over {@code PacketBuffer.wrap(options.array(), options.offset(), options.length())}) and
 * {@code RouterAlertOptionBuilder}, which {@link Ipv4OptionsBuilder#routerAlert} uses.
 */
@Header(layer = "ipv4-router-alert")
public interface RouterAlertOptionLayout {
    /** 148: copied on fragmentation, class 0, number 20. */
    @Bits(8) @Const(Ipv4Options.ROUTER_ALERT) int type();

    @Bits(8) @Const(4) int length();

    /** 0: every router examines the packet; other values are unassigned. */
    @Bits(16) int value();
}
