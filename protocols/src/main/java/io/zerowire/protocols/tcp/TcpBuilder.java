package io.zerowire.protocols.tcp;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ip;
import io.zerowire.ip.IpAddress;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.options.OptionsBuilder;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.PacketConstraints;
import io.zerowire.serialize.SerializeTarget;
import java.util.Objects;

/**
 * Builds a TCP header over either IP version, with one code path: the pseudo-header addresses
 * given to {@link #addresses} choose between a {@link TcpV4Builder} and a {@link TcpV6Builder}
 * held inside, and every field is set on both. The data offset, the option padding and the
 * checksum are derived when serializing; {@link #dataOffset(int)}, {@link #reserved(int)} and
 * {@link #checksum(int)} override them, for deliberately invalid segments or byte-exact copies.
 *
 * <pre>{@code
 * TcpBuilder rst = new TcpBuilder().sourcePort(segment.destinationPort()).destinationPort(segment.sourcePort())
 *         .sequenceNumber(0).acknowledgmentNumber((segment.sequenceNumber() + 1) & 0xFFFF_FFFFL)
 *         .rst(true).ack(true)
 *         .addresses(ip.destination(), ip.source());            // IpAddress<I> of either version
 * PacketBuffer reply = Serializer.of(new byte[0]).encapsulate(rst).encapsulate(ipBuilder).serialize();
 * }</pre>
 *
 * <p>A builder can be reused and serialized many times without allocating; it is not thread-safe.
 */
public final class TcpBuilder implements PacketBuilder {
    private final TcpV4Builder v4 = new TcpV4Builder();
    private final TcpV6Builder v6 = new TcpV6Builder();
    /** The builder chosen by the addresses' version; null until {@link #addresses} is called. */
    private PacketBuilder selected;

    /** A builder with every field zero, no options and no addresses yet. */
    public TcpBuilder() {}

    /** Sets the source port, 16 bits. */
    public TcpBuilder sourcePort(int port) {
        v4.sourcePort(port);
        v6.sourcePort(port);
        return this;
    }

    /** Sets the destination port, 16 bits. */
    public TcpBuilder destinationPort(int port) {
        v4.destinationPort(port);
        v6.destinationPort(port);
        return this;
    }

    /** Sets the sequence number, 32 unsigned bits. */
    public TcpBuilder sequenceNumber(long sequenceNumber) {
        v4.sequenceNumber(sequenceNumber);
        v6.sequenceNumber(sequenceNumber);
        return this;
    }

    /** Sets the acknowledgment number, 32 unsigned bits (meaningful with {@link #ack(boolean)}). */
    public TcpBuilder acknowledgmentNumber(long acknowledgmentNumber) {
        v4.acknowledgmentNumber(acknowledgmentNumber);
        v6.acknowledgmentNumber(acknowledgmentNumber);
        return this;
    }

    /** Overrides the derived data offset (header length / 4), for deliberately invalid segments. */
    public TcpBuilder dataOffset(int dataOffset) {
        v4.dataOffset(dataOffset);
        v6.dataOffset(dataOffset);
        return this;
    }

    /** Sets the 3 reserved bits, written as zero unless set: for byte-exact copies and tests. */
    public TcpBuilder reserved(int reserved) {
        v4.reserved(reserved);
        v6.reserved(reserved);
        return this;
    }

    /** Sets AE, the bit before CWR (RFC 3540's NS, now AccECN's AE). */
    public TcpBuilder ae(boolean ae) {
        v4.ae(ae);
        v6.ae(ae);
        return this;
    }

    /** Sets CWR, congestion window reduced (RFC 3168). */
    public TcpBuilder cwr(boolean cwr) {
        v4.cwr(cwr);
        v6.cwr(cwr);
        return this;
    }

    /** Sets ECE, ECN echo (RFC 3168). */
    public TcpBuilder ece(boolean ece) {
        v4.ece(ece);
        v6.ece(ece);
        return this;
    }

    /** Sets URG: the urgent pointer is significant. */
    public TcpBuilder urg(boolean urg) {
        v4.urg(urg);
        v6.urg(urg);
        return this;
    }

    /** Sets ACK: the acknowledgment number is significant. */
    public TcpBuilder ack(boolean ack) {
        v4.ack(ack);
        v6.ack(ack);
        return this;
    }

    /** Sets PSH, push. */
    public TcpBuilder psh(boolean psh) {
        v4.psh(psh);
        v6.psh(psh);
        return this;
    }

    /** Sets RST, reset the connection. */
    public TcpBuilder rst(boolean rst) {
        v4.rst(rst);
        v6.rst(rst);
        return this;
    }

    /** Sets SYN, synchronize sequence numbers. */
    public TcpBuilder syn(boolean syn) {
        v4.syn(syn);
        v6.syn(syn);
        return this;
    }

    /** Sets FIN, no more data from the sender. */
    public TcpBuilder fin(boolean fin) {
        v4.fin(fin);
        v6.fin(fin);
        return this;
    }

    /** Sets the window, 16 bits (before any window scaling). */
    public TcpBuilder window(int window) {
        v4.window(window);
        v6.window(window);
        return this;
    }

    /** Overrides the computed checksum, for deliberately invalid segments. */
    public TcpBuilder checksum(int checksum) {
        v4.checksum(checksum);
        v6.checksum(checksum);
        return this;
    }

    /** Sets the urgent pointer, 16 bits (meaningful with {@link #urg(boolean)}). */
    public TcpBuilder urgentPointer(int urgentPointer) {
        v4.urgentPointer(urgentPointer);
        v6.urgentPointer(urgentPointer);
        return this;
    }

    /** Sets the options, or none with {@code null}; read when serializing, so later changes show. */
    public TcpBuilder options(TcpOptionsBuilder options) {
        return options(options != null ? options.asOptionsBuilder() : null);
    }

    /** Sets the options as a generic {@code OptionsBuilder} of format TCP, or none with {@code null}. */
    public TcpBuilder options(OptionsBuilder options) {
        v4.options(options);
        v6.options(options);
        return this;
    }

    /**
     * Sets the addresses of the pseudo-header (those of the enclosing IP header, or for IPv6 with a
     * routing header, the final destination), and with them the IP version; required before
     * serializing.
     */
    public <I extends Ip> TcpBuilder addresses(IpAddress<I> source, IpAddress<I> destination) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        // The one per-version step; both addresses share I, so both casts hold.
        if (source instanceof Ipv4Address s) {
            v4.addresses(s, (Ipv4Address) destination);
            selected = v4;
        } else {
            v6.addresses((Ipv6Address) source, (Ipv6Address) destination);
            selected = v6;
        }
        return this;
    }

    private PacketBuilder selected() {
        if (selected == null) {
            throw new IllegalStateException("the tcp checksum covers a pseudo-header: call addresses(source, destination) first");
        }
        return selected;
    }

    @Override
    public PacketConstraints constraints() {
        return selected().constraints();
    }

    @Override
    public void serialize(SerializeTarget target, PacketBuffer body) {
        selected().serialize(target, body);
    }
}
