package io.zerowire.protocols.ipv4;

import io.zerowire.buffer.Bytes;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.SerializeTarget;
import java.util.Arrays;
import java.util.Objects;

/**
 * A typed builder for IPv4 options: one method per option of RFC 791, RFC 1108 and RFC 2113,
 * End of Option List and No Operation included, and {@link #raw} for any other type. Options are
 * encoded in the order they are added, each structured one by the generated builder of its layout
 * ({@link RouteOptionLayout}, {@link TimestampOptionLayout}, ...), into an {@link OptionsBuilder}
 * that the generated {@code Ipv4Builder} takes:
 *
 * <pre>{@code
 * Ipv4OptionsBuilder options = new Ipv4OptionsBuilder()
 *         .routerAlert(0)
 *         .nop()
 *         .recordRoute(4);            // 3 + 4 * 4 bytes, pointer 4
 * PacketBuffer packet = Serializer.of(payload).encapsulate(new Ipv4Builder()
 *         .ttl(1).protocol(IpProtocol.IGMP).source(me).destination(group)
 *         .options(options.optionsBuilder()))          // padded to 4 bytes with EOL, then zeros
 *         .serialize();
 * }</pre>
 *
 * <p>The header can hold 40 bytes of options (IHL 15): a method that would go past them throws
 * {@link IllegalStateException} and adds nothing. The region is padded to a multiple of 4 with an
 * End of Option List byte then zeros, unless {@link #endOfList()} was called, in which case only
 * zeros follow it (RFC 791). {@link #clear()} keeps every internal array, so a builder reused for
 * packets of the same shape allocates only for its address arguments. Not thread-safe.
 */
public final class Ipv4OptionsBuilder {
    /** Bytes of options an IPv4 header can hold: 40 (IHL 15 words minus the 20 fixed bytes). */
    public static final int MAX_LENGTH = 60 - Ipv4.FIXED_LENGTH;

    private static final int WORD = 4;
    /** Type and length, the two bytes every multi-byte option starts with. */
    private static final int TYPE_AND_LENGTH = 2;

    private final OptionsBuilder options = new OptionsBuilder(Ipv4OptionFormat.FORMAT, MAX_LENGTH);
    /** One option is laid out here by its generated builder, then appended to {@link #options}. */
    private final byte[] scratch = new byte[MAX_LENGTH];
    private final PacketBuffer data = PacketBuffer.wrap(scratch);
    private final SerializeTarget target = new SerializeTarget();
    private final RouterAlertOptionBuilder routerAlert = new RouterAlertOptionBuilder();
    private final RouteOptionBuilder route = new RouteOptionBuilder();
    private final TimestampOptionBuilder timestamp = new TimestampOptionBuilder();
    private final SecurityOptionBuilder security = new SecurityOptionBuilder();
    private final BasicSecurityOptionBuilder basicSecurity = new BasicSecurityOptionBuilder();
    private final StreamIdOptionBuilder streamId = new StreamIdOptionBuilder();

    /** An empty option list. */
    public Ipv4OptionsBuilder() {}

    /**
     * The encoded options, for {@code Ipv4Builder.options(...)}. It is this builder's own, live:
     * options added later are serialized too.
     */
    public OptionsBuilder optionsBuilder() {
        return options;
    }

    /** Bytes of the options added so far, before the padding to a multiple of 4. */
    public int encodedLength() {
        return options.encodedLength();
    }

    /** Bytes of the IPv4 header these options give: 20 plus the padded option region. */
    public int headerLength() {
        return Ipv4.FIXED_LENGTH + options.regionLength(Ipv4.FIXED_LENGTH);
    }

    /** Removes every option, keeping the arrays for reuse. */
    public Ipv4OptionsBuilder clear() {
        options.clear();
        return this;
    }

    /**
     * End of Option List (type 0, one byte): nothing may follow, and the rest of the region is zeros.
     * Optional: without it the padding starts with one anyway when the options do not end on a
     * 4-byte boundary.
     *
     * @throws IllegalStateException if the list already ended or the 40 bytes are full
     */
    public Ipv4OptionsBuilder endOfList() {
        checkRoom(1);
        options.addEndOfList();
        return this;
    }

    /**
     * No Operation (type 1, one byte), used to align the next option.
     *
     * @throws IllegalStateException after {@link #endOfList()} or when the 40 bytes are full
     */
    public Ipv4OptionsBuilder nop() {
        checkRoom(1);
        options.addSingleByte(Ipv4Options.NOP);
        return this;
    }

    /**
     * Router Alert (RFC 2113: type 148, length 4) with {@code value}: 0 asks every router to examine
     * the packet (IGMP, RSVP, MLD over IPv4).
     *
     * @throws IllegalArgumentException if {@code value} does not fit in 16 bits
     * @throws IllegalStateException after {@link #endOfList()} or when the 40 bytes are full
     */
    public Ipv4OptionsBuilder routerAlert(int value) {
        routerAlert.value(value);
        return add(routerAlert, Ipv4Options.ROUTER_ALERT, RouterAlertOption.FIXED_LENGTH, 0);
    }

    /**
     * Stream Identifier (RFC 791: type 136, length 4), obsolete (RFC 6814) but still parsed.
     *
     * @throws IllegalArgumentException if {@code id} does not fit in 16 bits
     * @throws IllegalStateException after {@link #endOfList()} or when the 40 bytes are full
     */
    public Ipv4OptionsBuilder streamId(int id) {
        streamId.streamId(id);
        return add(streamId, Ipv4Options.STREAM_ID, StreamIdOption.FIXED_LENGTH, 0);
    }

    /**
     * An empty Record Route (type 7) with room for {@code slots} addresses and the pointer at the
     * first: what a sender such as {@code ping -R} puts in (at most 9 slots).
     *
     * @throws IllegalArgumentException if {@code slots} is negative
     * @throws IllegalStateException after {@link #endOfList()} or when the 40 bytes are full
     */
    public Ipv4OptionsBuilder recordRoute(int slots) {
        if (slots < 0) {
            throw new IllegalArgumentException("negative number of slots: " + slots);
        }
        return routeOfEmptySlots(Ipv4Options.RECORD_ROUTE, slots);
    }

    /**
     * Loose Source and Record Route (type 131) through {@code route}, the pointer at its first
     * address. As RFC 791 sends it, the header's destination is the first hop and the option lists
     * the hops after it, the final destination last.
     *
     * @throws IllegalStateException after {@link #endOfList()} or when the 40 bytes are full
     */
    public Ipv4OptionsBuilder looseSourceRoute(Ipv4Address... route) {
        return route(Ipv4Options.LOOSE_SOURCE_ROUTE, RouteOption.FIXED_LENGTH + 1, route);
    }

    /**
     * Strict Source and Record Route (type 137) through {@code route}, the pointer at its first
     * address; see {@link #looseSourceRoute}.
     *
     * @throws IllegalStateException after {@link #endOfList()} or when the 40 bytes are full
     */
    public Ipv4OptionsBuilder strictSourceRoute(Ipv4Address... route) {
        return route(Ipv4Options.STRICT_SOURCE_ROUTE, RouteOption.FIXED_LENGTH + 1, route);
    }

    /**
     * Any of the three route options exactly as given: {@code type} 7, 131 or 137, the
     * {@code pointer} (4 for the first slot, length + 1 when full) and every slot, recorded or not
     * (an unrecorded one is {@code 0.0.0.0}).
     *
     * @throws IllegalArgumentException if {@code type} is not a route option or {@code pointer}
     *     does not fit in 8 bits
     * @throws IllegalStateException after {@link #endOfList()} or when the 40 bytes are full
     */
    public Ipv4OptionsBuilder route(int type, int pointer, Ipv4Address... slots) {
        if (type != Ipv4Options.RECORD_ROUTE && type != Ipv4Options.LOOSE_SOURCE_ROUTE
                && type != Ipv4Options.STRICT_SOURCE_ROUTE) {
            throw new IllegalArgumentException("type " + type + " is not a route option (7, 131 or 137)");
        }
        int length = RouteOption.FIXED_LENGTH + WORD * slots.length;
        checkRoom(length);
        route.type(type).pointer(pointer);
        for (int i = 0; i < slots.length; i++) {
            Objects.requireNonNull(slots[i], "slot").write(scratch, RouteOption.FIXED_LENGTH + WORD * i);
        }
        return add(route, type, RouteOption.FIXED_LENGTH, WORD * slots.length);
    }

    /**
     * An empty Internet Timestamp (type 68, flag 0: timestamps only) with room for {@code slots}
     * timestamps.
     *
     * @throws IllegalArgumentException if {@code slots} is negative
     * @throws IllegalStateException after {@link #endOfList()} or when the 40 bytes are full
     */
    public Ipv4OptionsBuilder timestamps(int slots) {
        return emptyTimestamps(Ipv4Options.TIMESTAMP_ONLY, slots, WORD);
    }

    /**
     * An empty Internet Timestamp (flag 1: each router records its address and a timestamp) with
     * room for {@code slots} entries of 8 bytes.
     *
     * @throws IllegalArgumentException if {@code slots} is negative
     * @throws IllegalStateException after {@link #endOfList()} or when the 40 bytes are full
     */
    public Ipv4OptionsBuilder timestampsWithAddresses(int slots) {
        return emptyTimestamps(Ipv4Options.TIMESTAMP_WITH_ADDRESS, slots, 2 * WORD);
    }

    /**
     * An Internet Timestamp with prespecified addresses (flag 3): only the routers named, in order,
     * fill in their timestamp.
     *
     * @throws IllegalStateException after {@link #endOfList()} or when the 40 bytes are full
     */
    public Ipv4OptionsBuilder timestampsPrespecified(Ipv4Address... routers) {
        int dataLength = 2 * WORD * routers.length;
        checkRoom(TimestampOption.FIXED_LENGTH + dataLength);
        for (int i = 0; i < routers.length; i++) {
            int entry = TimestampOption.FIXED_LENGTH + 2 * WORD * i;
            Objects.requireNonNull(routers[i], "router").write(scratch, entry);
            Bytes.putI32(scratch, entry + WORD, 0);
        }
        timestamp.pointer(TimestampOption.FIXED_LENGTH + 1).overflow(0).flag(Ipv4Options.TIMESTAMP_PRESPECIFIED);
        return add(timestamp, Ipv4Options.TIMESTAMP, TimestampOption.FIXED_LENGTH, dataLength);
    }

    /**
     * An Internet Timestamp exactly as given: pointer (5 for the first entry), overflow count, flag
     * and the entries as 32-bit words in wire order (for flags 1 and 3, each address followed by its
     * timestamp).
     *
     * @throws IllegalArgumentException if a field does not fit its bits (pointer 8, overflow and
     *     flag 4, each word 32)
     * @throws IllegalStateException after {@link #endOfList()} or when the 40 bytes are full
     */
    public Ipv4OptionsBuilder timestamp(int pointer, int overflow, int flag, long... words) {
        int dataLength = WORD * words.length;
        checkRoom(TimestampOption.FIXED_LENGTH + dataLength);
        timestamp.pointer(pointer).overflow(overflow).flag(flag);
        for (int i = 0; i < words.length; i++) {
            if ((words[i] & ~0xFFFF_FFFFL) != 0) {
                throw new IllegalArgumentException("a timestamp word is 32 unsigned bits, was " + words[i]);
            }
            Bytes.putI32(scratch, TimestampOption.FIXED_LENGTH + WORD * i, (int) words[i]);
        }
        return add(timestamp, Ipv4Options.TIMESTAMP, TimestampOption.FIXED_LENGTH, dataLength);
    }

    /**
     * Security in RFC 791's format (type 130, length 11): a security level such as
     * {@link Ipv4Options#SECURITY_SECRET}, compartments, handling restrictions and a 24-bit
     * transmission control code.
     *
     * @throws IllegalArgumentException if a value does not fit its bits
     * @throws IllegalStateException after {@link #endOfList()} or when the 40 bytes are full
     */
    public Ipv4OptionsBuilder security(int level, int compartments, int handlingRestrictions,
            int transmissionControlCode) {
        security.security(level).compartments(compartments).handlingRestrictions(handlingRestrictions)
                .transmissionControlCode(transmissionControlCode);
        return add(security, Ipv4Options.SECURITY, SecurityOption.FIXED_LENGTH, 0);
    }

    /**
     * RFC 1108's Basic Security Option (type 130): a classification level (0x3D Unclassified, 0x5A
     * Confidential, 0x96 Secret, 0xAB Top Secret) and the protection authority flag bytes, each but
     * the last with its low bit (the field termination indicator) set.
     *
     * @throws IllegalArgumentException if {@code classificationLevel} does not fit in 8 bits
     * @throws IllegalStateException after {@link #endOfList()} or when the 40 bytes are full
     */
    public Ipv4OptionsBuilder basicSecurity(int classificationLevel, byte... protectionAuthorityFlags) {
        checkRoom(BasicSecurityOption.FIXED_LENGTH + protectionAuthorityFlags.length);
        basicSecurity.classificationLevel(classificationLevel);
        System.arraycopy(protectionAuthorityFlags, 0, scratch, BasicSecurityOption.FIXED_LENGTH,
                protectionAuthorityFlags.length);
        return add(basicSecurity, Ipv4Options.SECURITY, BasicSecurityOption.FIXED_LENGTH,
                protectionAuthorityFlags.length);
    }

    /**
     * Any option as type, length and value, the value as given: for types without a typed method
     * (Extended Security, CIPSO, Quick-Start, experimental ones) and for reproducing an option
     * byte for byte.
     *
     * @throws IllegalArgumentException if {@code type} is EOL or NOP (use {@link #endOfList()} and
     *     {@link #nop()}) or not 8 bits
     * @throws IllegalStateException after {@link #endOfList()} or when the 40 bytes are full
     */
    public Ipv4OptionsBuilder raw(int type, byte[] value) {
        return raw(type, value, 0, value.length);
    }

    /**
     * Like {@link #raw(int, byte[])} with the value {@code array[offset, offset + length)}, such as
     * an option read from a packet: {@code raw(options.kind(), options.array(),
     * options.valueOffset(), options.valueLength())}.
     *
     * @throws IndexOutOfBoundsException if the range is not within {@code array}
     */
    public Ipv4OptionsBuilder raw(int type, byte[] array, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, array.length);
        checkRoom(TYPE_AND_LENGTH + length);
        options.add(type, array, offset, length);
        return this;
    }

    private Ipv4OptionsBuilder routeOfEmptySlots(int type, int slots) {
        int dataLength = WORD * slots;
        checkRoom(RouteOption.FIXED_LENGTH + dataLength);
        Arrays.fill(scratch, RouteOption.FIXED_LENGTH, RouteOption.FIXED_LENGTH + dataLength, (byte) 0);
        route.type(type).pointer(RouteOption.FIXED_LENGTH + 1);
        return add(route, type, RouteOption.FIXED_LENGTH, dataLength);
    }

    private Ipv4OptionsBuilder emptyTimestamps(int flag, int slots, int entryLength) {
        if (slots < 0) {
            throw new IllegalArgumentException("negative number of slots: " + slots);
        }
        int dataLength = entryLength * slots;
        checkRoom(TimestampOption.FIXED_LENGTH + dataLength);
        Arrays.fill(scratch, TimestampOption.FIXED_LENGTH, TimestampOption.FIXED_LENGTH + dataLength,
                (byte) 0);
        timestamp.pointer(TimestampOption.FIXED_LENGTH + 1).overflow(0).flag(flag);
        return add(timestamp, Ipv4Options.TIMESTAMP, TimestampOption.FIXED_LENGTH, dataLength);
    }

    /**
     * Lets {@code layout}'s generated builder write the option's fixed fields (and derive its
     * length) around the data already at {@code scratch[headerLength, headerLength + dataLength)},
     * then appends the option. {@code OptionsBuilder} takes type and value, not a serialized
     * option, so its value is copied from after the type and length bytes.
     */
    private Ipv4OptionsBuilder add(PacketBuilder layout, int type, int headerLength, int dataLength) {
        int length = headerLength + dataLength;
        checkRoom(length);
        data.rewrap(scratch, headerLength, dataLength);
        target.set(scratch, 0, headerLength, length, 0);
        layout.serialize(target, data);
        options.add(type, scratch, TYPE_AND_LENGTH, length - TYPE_AND_LENGTH);
        return this;
    }

    private void checkRoom(int length) {
        if (options.isEnded()) {
            throw new IllegalStateException("no option can follow the End of Option List");
        }
        if (options.encodedLength() + length > MAX_LENGTH) {
            throw new IllegalStateException("an option of " + length + " bytes after " + options.encodedLength()
                    + " exceeds the " + MAX_LENGTH + " bytes of options an IPv4 header can hold");
        }
    }
}
