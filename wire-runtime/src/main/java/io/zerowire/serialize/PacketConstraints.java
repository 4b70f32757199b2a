package io.zerowire.serialize;

/**
 * What a layer needs around and of its body (netstack3's {@code PacketConstraints}): its header
 * and footer lengths, the minimum body length it pads up to, and the maximum body length it can
 * carry (an MTU).
 *
 * <p>Constraints are combined outermost first with {@link #encapsulate(PacketConstraints)}: for a
 * TCP segment inside IPv4 inside Ethernet, TCP is asked to serialize within
 * {@code ipv4.encapsulate(ethernet)}.
 *
 * <pre>{@code
 * PacketConstraints link = PacketConstraints.maxBody(1500);
 * PacketConstraints ip = PacketConstraints.of(20, 0, 0, 65515).encapsulate(link);
 * // ip = (header 20, footer 0, min body 0, max body 1480)
 * }</pre>
 *
 * <p>One rule differs from netstack3's: an outer layer's minimum body larger than an inner
 * layer's maximum is not an error, because the outer layer pads its own body. In combined
 * constraints {@code minBodyLength} may therefore exceed {@code maxBodyLength}: the minimum then
 * only says how much padding room the innermost serializer reserves.
 *
 * @param headerLength bytes written before the body
 * @param footerLength bytes written after the body
 * @param minBodyLength the body is zero-padded up to this length
 * @param maxBodyLength the largest body that can be carried
 */
public record PacketConstraints(int headerLength, int footerLength, int minBodyLength, int maxBodyLength) {
    /** No header, no footer, no padding, no limit. */
    public static final PacketConstraints UNCONSTRAINED = new PacketConstraints(0, 0, 0, Integer.MAX_VALUE);

    /**
     * @throws IllegalArgumentException if a length is negative or header + minimum body + footer
     *     overflows an {@code int}
     */
    public PacketConstraints {
        if (!valid(headerLength, footerLength, minBodyLength, maxBodyLength)) {
            throw new IllegalArgumentException(describe(headerLength, footerLength, minBodyLength, maxBodyLength));
        }
    }

    /**
     * Constraints of one layer; see the record components.
     *
     * @throws IllegalArgumentException also if the minimum body exceeds the maximum
     */
    public static PacketConstraints of(int headerLength, int footerLength, int minBodyLength, int maxBodyLength) {
        if (minBodyLength > maxBodyLength) {
            throw new IllegalArgumentException(describe(headerLength, footerLength, minBodyLength, maxBodyLength));
        }
        return new PacketConstraints(headerLength, footerLength, minBodyLength, maxBodyLength);
    }

    /** Only a maximum body length: the outermost constraint of a link with this MTU. */
    public static PacketConstraints maxBody(int maxBodyLength) {
        return new PacketConstraints(0, 0, 0, maxBodyLength);
    }

    /**
     * The constraints that the body of this layer must satisfy when this layer is itself the body
     * of {@code outer}, or {@code null} when no body can satisfy them: this layer's header and
     * footer, or its own padded minimum body, do not fit in {@code outer}'s maximum body, or the
     * lengths overflow.
     *
     * <p>Headers and footers add up; the minimum body is the larger of this layer's and what
     * remains of the outer minimum once this layer's header and footer are counted (never below
     * zero); the maximum body is the smaller of this layer's and what remains of the outer maximum.
     */
    public PacketConstraints encapsulate(PacketConstraints outer) {
        long header = (long) headerLength + outer.headerLength;
        long footer = (long) footerLength + outer.footerLength;
        long ownHeaderAndFooter = (long) headerLength + footerLength;
        long outerRoom = outer.maxBodyLength - ownHeaderAndFooter;
        if (outerRoom < 0 || minBodyLength > outerRoom) {
            return null;
        }
        long min = Math.max(Math.max(0, outer.minBodyLength - ownHeaderAndFooter), minBodyLength);
        long max = Math.min(outerRoom, maxBodyLength);
        if (header > Integer.MAX_VALUE || footer > Integer.MAX_VALUE
                || !valid((int) header, (int) footer, (int) min, (int) max)) {
            return null;
        }
        return new PacketConstraints((int) header, (int) footer, (int) min, (int) max);
    }

    private static String describe(int header, int footer, int min, int max) {
        return "invalid PacketConstraints(header " + header + ", footer " + footer + ", min body " + min
                + ", max body " + max + ")";
    }

    private static boolean valid(int header, int footer, int min, int max) {
        return header >= 0 && footer >= 0 && min >= 0 && max >= 0
                && (long) header + min + footer <= Integer.MAX_VALUE;
    }
}
