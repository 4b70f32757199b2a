package io.zerowire.protocols.icmpv6.ndp;

import io.zerowire.buffer.Bytes;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.options.OptionFormat;
import io.zerowire.options.OptionsIterator;
import io.zerowire.parse.ParseException;
import java.util.Objects;

/**
 * The options of an NDP message (RFC 4861 section 4.6), read in place: an
 * {@link OptionsIterator} in the {@link NdpOptionFormat#FORMAT} format and typed readers that point
 * reused views (generated from the option layouts of this package) at the current option's value.
 * Nothing is copied, and after construction nothing is allocated unless an accessor says it returns
 * a new object.
 *
 * <p>The option list is validated once when the message is parsed: every option has a length of
 * at least 1 and lies inside the message ({@code MALFORMED} otherwise: a zero length is exactly
 * what RFC 4861 tells receivers to discard), and there are at most
 * {@link OptionFormat#maxOptions() 64} options. Unknown types are skipped by their length. A known
 * type whose length its RFC does not allow (a prefix information option shorter than 32 bytes, a
 * route information option whose length does not fit its prefix length) is not an error of the
 * message: RFC 4861 and RFC 4191 say to ignore such an option, so its typed reader returns
 * {@code null} and the raw accessors still describe it.
 *
 * <pre>{@code
 * NdpOptions options = packet.ndpOptions();
 * while (options.next()) {
 *     switch (options.type()) {
 *         case NdpOptions.SOURCE_LINK_LAYER_ADDRESS -> {
 *             LinkLayerAddressOption lla = options.linkLayerAddress();   // null if not Ethernet's 6 bytes
 *         }
 *         case NdpOptions.PREFIX_INFORMATION -> {
 *             PrefixInformation prefix = options.prefixInformation();
 *             if (prefix != null && prefix.autonomous()) { ... prefix.prefix(), prefix.prefixLength() ... }
 *         }
 *         case NdpOptions.RECURSIVE_DNS_SERVER -> {
 *             for (int i = 0; i < options.dnsServerCount(); i++) { ... options.dnsServer(i) ... }
 *         }
 *         default -> { }   // unknown options are skipped
 *     }
 * }
 * }</pre>
 */
public final class NdpOptions {
    /** Source Link-Layer Address (1, RFC 4861). */
    public static final int SOURCE_LINK_LAYER_ADDRESS = 1;
    /** Target Link-Layer Address (2, RFC 4861). */
    public static final int TARGET_LINK_LAYER_ADDRESS = 2;
    /** Prefix Information (3, RFC 4861). */
    public static final int PREFIX_INFORMATION = 3;
    /** Redirected Header (4, RFC 4861). */
    public static final int REDIRECTED_HEADER = 4;
    /** MTU (5, RFC 4861). */
    public static final int MTU = 5;
    /** Nonce (14, RFC 3971). */
    public static final int NONCE = 14;
    /** Route Information (24, RFC 4191). */
    public static final int ROUTE_INFORMATION = 24;
    /** Recursive DNS Server (25, RFC 8106). */
    public static final int RECURSIVE_DNS_SERVER = 25;
    /** DNS Search List (31, RFC 8106); no typed reader, read its value raw. */
    public static final int DNS_SEARCH_LIST = 31;

    /** The option format: 1-byte type, 1-byte length in units of 8 bytes counting everything. */
    public static final OptionFormat FORMAT = NdpOptionFormat.FORMAT;
    /** The layer named in option errors. */
    public static final String LAYER = "ndp";

    /** The shortest nonce RFC 3971 allows, in bytes. */
    public static final int MIN_NONCE_LENGTH = 6;

    private static final byte[] EMPTY = new byte[0];

    private final OptionsIterator options = new OptionsIterator();
    private final PacketBuffer cursor = PacketBuffer.wrap(EMPTY);
    private final LinkLayerAddressOption linkLayerAddress = new LinkLayerAddressOption();
    private final PrefixInformation prefixInformation = new PrefixInformation();
    private final RedirectedHeader redirectedHeader = new RedirectedHeader();
    private final MtuOption mtu = new MtuOption();
    private final RouteInformation routeInformation = new RouteInformation();
    private final RecursiveDnsServer recursiveDnsServer = new RecursiveDnsServer();

    /** An empty list, ready for {@link #reset} or {@link #resetValidated}. */
    public NdpOptions() {}

    /**
     * Checks the option region {@code array[start, end)} as the parser of an NDP message does.
     *
     * @param errorBase the offset reported for a fault at {@code start}
     * @return the number of options
     * @throws ParseException {@code MALFORMED} on field {@code options} if an option has length 0,
     *     runs past the end, or there are more than 64
     */
    public static int validate(byte[] array, int start, int end, int errorBase) throws ParseException {
        return OptionsIterator.validate(array, start, end, FORMAT, LAYER, errorBase);
    }

    /**
     * Validates the region {@code array[start, end)} and positions this reader before its first
     * option: for option lists that do not come from {@code Icmpv6Packet}.
     *
     * @throws ParseException as {@link #validate}; the reader is then empty
     */
    public NdpOptions reset(byte[] array, int start, int end) throws ParseException {
        options.reset(array, start, end, FORMAT, LAYER, 0);
        return this;
    }

    /** Positions this reader before the first option of a region that {@link #validate} accepted. */
    public NdpOptions resetValidated(byte[] array, int start, int end) {
        options.resetValidated(array, start, end, FORMAT);
        return this;
    }

    /** Moves to the next option; false at the end. */
    public boolean next() {
        return options.next();
    }

    /** Goes back before the first option. */
    public void rewind() {
        options.rewind();
    }

    /** Rewinds and moves to the first option of {@code type}; false if there is none. */
    public boolean find(int type) {
        return options.find(type);
    }

    /** The number of options. */
    public int count() {
        return options.count();
    }

    /** The current option's type, or -1 before the first. */
    public int type() {
        return options.kind();
    }

    /** The current option's length field: its length in units of 8 bytes. */
    public int lengthUnits() {
        return options.length() / 8;
    }

    /** Bytes of the current option, type and length included. */
    public int length() {
        return options.length();
    }

    /** Array index of the current option's type byte. */
    public int offset() {
        return options.offset();
    }

    /** Array index of the current option's value (after type and length). */
    public int valueOffset() {
        return options.valueOffset();
    }

    /** Bytes of the current option's value: {@link #length()} minus 2. */
    public int valueLength() {
        return options.valueLength();
    }

    /** The array the options are read from. */
    public byte[] array() {
        return options.array();
    }

    /** The underlying iterator, positioned on the current option, for its raw value readers. */
    public OptionsIterator iterator() {
        return options;
    }

    /**
     * The current Source or Target Link-Layer Address option as an Ethernet address (a six-byte
     * value, option length 1), or {@code null} if the option is another type or another link's
     * address (read those raw).
     */
    public LinkLayerAddressOption linkLayerAddress() {
        int type = type();
        if ((type != SOURCE_LINK_LAYER_ADDRESS && type != TARGET_LINK_LAYER_ADDRESS)
                || valueLength() != LinkLayerAddressOption.FIXED_LENGTH) {
            return null;
        }
        try {
            return linkLayerAddress.wrap(value());
        } catch (ParseException e) {
            throw unvalidated(e);
        }
    }

    /** The current Prefix Information option, or {@code null} if it is another type or shorter than length 4. */
    public PrefixInformation prefixInformation() {
        if (type() != PREFIX_INFORMATION || valueLength() < PrefixInformation.FIXED_LENGTH) {
            return null;
        }
        try {
            return prefixInformation.wrap(value());
        } catch (ParseException e) {
            throw unvalidated(e);
        }
    }

    /** The current Redirected Header option's reserved bytes, or {@code null} if it is another type. */
    public RedirectedHeader redirectedHeader() {
        if (type() != REDIRECTED_HEADER || valueLength() < RedirectedHeader.FIXED_LENGTH) {
            return null;
        }
        try {
            return redirectedHeader.wrap(value());
        } catch (ParseException e) {
            throw unvalidated(e);
        }
    }

    /**
     * Array index of the redirected packet in the current Redirected Header option (after its six
     * reserved bytes), or -1 if it is another type. The packet may be cut short and is followed by
     * zero padding: parse it as a quoted packet, whose own length says where it ends.
     */
    public int redirectedPacketOffset() {
        return redirectedHeader() == null ? -1 : valueOffset() + RedirectedHeader.FIXED_LENGTH;
    }

    /** Bytes from {@link #redirectedPacketOffset()} to the end of the option, or 0 if it is another type. */
    public int redirectedPacketLength() {
        return redirectedHeader() == null ? 0 : valueLength() - RedirectedHeader.FIXED_LENGTH;
    }

    /** The current MTU option, or {@code null} if it is another type. */
    public MtuOption mtu() {
        if (type() != MTU || valueLength() < MtuOption.FIXED_LENGTH) {
            return null;
        }
        try {
            return mtu.wrap(value());
        } catch (ParseException e) {
            throw unvalidated(e);
        }
    }

    /**
     * The current Route Information option, or {@code null} if it is another type or one RFC 4191
     * section 2.3 says to ignore: a length other than 1, 2 or 3, or a prefix length above 128, above
     * 64 in length 2 or above 0 in length 1.
     */
    public RouteInformation routeInformation() {
        if (type() != ROUTE_INFORMATION) {
            return null;
        }
        int units = lengthUnits();
        if (units < 1 || units > 3) {
            return null;
        }
        int prefixLength = options.valueU8(0);
        int maxPrefixLength = units == 1 ? 0 : units == 2 ? 64 : 128;
        if (prefixLength > maxPrefixLength) {
            return null;
        }
        try {
            return routeInformation.wrap(value());
        } catch (ParseException e) {
            throw unvalidated(e);
        }
    }

    /** Bytes of the prefix the current Route Information option carries (0, 8 or 16), or 0 if {@link #routeInformation()} is null. */
    public int routePrefixBytes() {
        return routeInformation() == null ? 0 : valueLength() - RouteInformation.FIXED_LENGTH;
    }

    /** The first 64 bits of the current route's prefix (zeros the option leaves out), or 0. */
    public long routePrefixHigh() {
        return routePrefixBytes() >= 8 ? Bytes.i64(array(), valueOffset() + RouteInformation.FIXED_LENGTH) : 0;
    }

    /** The last 64 bits of the current route's prefix (zeros the option leaves out), or 0. */
    public long routePrefixLow() {
        return routePrefixBytes() == 16 ? Bytes.i64(array(), valueOffset() + RouteInformation.FIXED_LENGTH + 8) : 0;
    }

    /** The current route's prefix as an address object (allocates), or {@code null} if {@link #routeInformation()} is. */
    public Ipv6Address routePrefix() {
        return routeInformation() == null ? null : Ipv6Address.of(routePrefixHigh(), routePrefixLow());
    }

    /**
     * The current Recursive DNS Server option, or {@code null} if it is another type or its length
     * is not odd and at least 3 (RFC 8106 section 5.1).
     */
    public RecursiveDnsServer recursiveDnsServer() {
        int units = lengthUnits();
        if (type() != RECURSIVE_DNS_SERVER || units < 3 || units % 2 == 0) {
            return null;
        }
        try {
            return recursiveDnsServer.wrap(value());
        } catch (ParseException e) {
            throw unvalidated(e);
        }
    }

    /** The number of server addresses in the current RDNSS option, or 0 if {@link #recursiveDnsServer()} is null. */
    public int dnsServerCount() {
        return recursiveDnsServer() == null ? 0 : (valueLength() - RecursiveDnsServer.FIXED_LENGTH) / 16;
    }

    /**
     * Array index of server address {@code i} of the current RDNSS option.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #dnsServerCount()}
     */
    public int dnsServerOffset(int i) {
        Objects.checkIndex(i, dnsServerCount());
        return valueOffset() + RecursiveDnsServer.FIXED_LENGTH + 16 * i;
    }

    /** The first 64 bits of server address {@code i}. */
    public long dnsServerHigh(int i) {
        return Bytes.i64(array(), dnsServerOffset(i));
    }

    /** The last 64 bits of server address {@code i}. */
    public long dnsServerLow(int i) {
        return Bytes.i64(array(), dnsServerOffset(i) + 8);
    }

    /** Server address {@code i} as an object (allocates). */
    public Ipv6Address dnsServer(int i) {
        return Ipv6Address.read(array(), dnsServerOffset(i));
    }

    /** Whether the current option is a Nonce option (its whole value is the nonce, at least 6 bytes). */
    public boolean isNonce() {
        return type() == NONCE && valueLength() >= MIN_NONCE_LENGTH;
    }

    /** Array index of the current nonce, or -1 if the option is not a nonce. */
    public int nonceOffset() {
        return isNonce() ? valueOffset() : -1;
    }

    /** Bytes of the current nonce, or 0 if the option is not a nonce. */
    public int nonceLength() {
        return isNonce() ? valueLength() : 0;
    }

    /** A copy of the current nonce (allocates), or {@code null} if the option is not a nonce. */
    public byte[] nonce() {
        return isNonce() ? java.util.Arrays.copyOfRange(array(), valueOffset(), valueOffset() + valueLength()) : null;
    }

    /** The scratch buffer over the current option's value, for a value view's {@code wrap}. */
    private PacketBuffer value() {
        return cursor.rewrap(array(), valueOffset(), valueLength());
    }

    /** A value view refused a value its reader had checked: a bug here, never hostile input. */
    private static IllegalStateException unvalidated(ParseException e) {
        return new IllegalStateException("an option value shorter than its layout was not caught: " + e.getMessage());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ndp-options[");
        OptionsIterator it = new OptionsIterator();
        it.resetValidated(options.array(), options.start(), options.end(), FORMAT);
        for (int i = 0; it.next(); i++) {
            text.append(i == 0 ? "" : " ").append(it.kind()).append('/').append(it.length() / 8);
        }
        return text.append(']').toString();
    }
}
