package io.zerowire.protocols.ipv4;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.TotalLength;

/**
 * The three route options of RFC 791, which share one format: Record Route (7), Loose Source and
 * Record Route (131) and Strict Source and Record Route (137). After type, length and pointer comes
 * the route data, 4-byte address slots: the generated {@code RouteOption} view's body. The pointer
 * is the 1-based byte offset, from the option's type byte, of the next slot to use: 4 for the
 * first; a pointer past the length means the route is full (or, for a source route, exhausted).
 */
@Header(layer = "ipv4-route")
public interface RouteOptionLayout {
    /** {@link Ipv4Options#RECORD_ROUTE}, {@link Ipv4Options#LOOSE_SOURCE_ROUTE} or {@link Ipv4Options#STRICT_SOURCE_ROUTE}. */
    @Bits(8) int type();

    /** Bytes of the whole option: 3 plus the route data. */
    @Bits(8) @TotalLength(includesHeader = true, unit = 1) int length();

    /** 1-based offset of the next free (or next hop's) slot; 4 is the first. */
    @Bits(8) int pointer();
}
