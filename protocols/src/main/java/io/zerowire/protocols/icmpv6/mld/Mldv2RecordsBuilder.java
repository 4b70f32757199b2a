package io.zerowire.protocols.icmpv6.mld;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.serialize.InnerPacketBuilder;
import io.zerowire.serialize.SerializeTarget;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The multicast address records of an MLDv2 report, written as the body of an
 * {@code Mldv2ReportBuilder}: each record's fixed fields through the generated
 * {@link MulticastAddressRecordBuilder}, then its sources and auxiliary data. The layout language
 * has no count field, so set the report's {@code numberOfRecords} to {@link #count()}:
 *
 * <pre>{@code
 * Mldv2RecordsBuilder records = new Mldv2RecordsBuilder()
 *         .add(Mldv2.CHANGE_TO_EXCLUDE_MODE, group, List.of());          // join, any source
 * Serializer report = Serializer.of(records)
 *         .encapsulate(new Mldv2ReportBuilder().numberOfRecords(records.count()))
 *         .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.MULTICAST_LISTENER_REPORT_V2)
 *                 .addresses(linkLocal, Ipv6Address.parse("ff02::16")));
 * }</pre>
 *
 * Records are encoded when added, into an internal array that {@link #clear()} keeps for reuse. The
 * builder accepts what the fields can say (65535 records and sources, 255 words of auxiliary data),
 * beyond the parsing bounds of {@link Mldv2}, so that tests can build oversized reports. It is not
 * thread-safe.
 */
public final class Mldv2RecordsBuilder implements InnerPacketBuilder {
    private final MulticastAddressRecordBuilder fixed = new MulticastAddressRecordBuilder();
    private final SerializeTarget target = new SerializeTarget();
    private final PacketBuffer body = PacketBuffer.wrap(new byte[0]);
    private byte[] bytes = new byte[64];
    private int length;
    private int count;

    /** No records yet. */
    public Mldv2RecordsBuilder() {}

    /** Adds a record without auxiliary data; see {@link #add(int, Ipv6Address, List, byte[])}. */
    public Mldv2RecordsBuilder add(int recordType, Ipv6Address group, List<Ipv6Address> sources) {
        return add(recordType, group, sources, new byte[0]);
    }

    /**
     * Adds a record.
     *
     * @param recordType {@link Mldv2#MODE_IS_INCLUDE} to {@link Mldv2#BLOCK_OLD_SOURCES} (any 8-bit value is written)
     * @param auxData auxiliary data, a multiple of 4 bytes (MLDv2 defines none)
     * @throws IllegalArgumentException if a value does not fit its field, or {@code auxData} is
     *     not a multiple of 4 bytes or longer than 1020
     * @throws IllegalStateException beyond 65535 records
     */
    public Mldv2RecordsBuilder add(int recordType, Ipv6Address group, List<Ipv6Address> sources, byte[] auxData) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(auxData, "auxData");
        if (sources.size() > 0xFFFF) {
            throw new IllegalArgumentException("a 16-bit count says at most 65535 sources, not " + sources.size());
        }
        if (auxData.length % 4 != 0 || auxData.length > 255 * 4) {
            throw new IllegalArgumentException("auxiliary data is 0 to 255 words of 4 bytes, not " + auxData.length
                    + " bytes");
        }
        if (count == 0xFFFF) {
            throw new IllegalStateException("a 16-bit count says at most 65535 records");
        }
        fixed.recordType(recordType).auxDataLength(auxData.length / 4).numberOfSources(sources.size())
                .multicastAddress(group);
        int header = MulticastAddressRecord.FIXED_LENGTH;
        int variable = sources.size() * Mldv2.SOURCE_LENGTH + auxData.length;
        ensure(header + variable);
        int at = length + header;
        for (Ipv6Address source : sources) {
            source.write(bytes, at);
            at += Mldv2.SOURCE_LENGTH;
        }
        System.arraycopy(auxData, 0, bytes, at, auxData.length);
        // The generated builder writes the fixed fields in front of the record's sources and data.
        fixed.serialize(target.set(bytes, length, header, length + header + variable, 0),
                body.rewrap(bytes, length + header, variable));
        length += header + variable;
        count++;
        return this;
    }

    /** Removes every record, keeping the internal array. */
    public Mldv2RecordsBuilder clear() {
        length = 0;
        count = 0;
        return this;
    }

    /** How many records were added: the value for the report's {@code numberOfRecords}. */
    public int count() {
        return count;
    }

    @Override
    public int bytesLength() {
        return length;
    }

    @Override
    public void writeBytes(byte[] array, int offset) {
        System.arraycopy(bytes, 0, array, offset, length);
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + extra, bytes.length * 2));
        }
    }
}
