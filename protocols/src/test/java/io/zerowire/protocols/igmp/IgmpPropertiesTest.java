package io.zerowire.protocols.igmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import io.zerowire.serialize.SizeLimitExceededException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random valid IGMP messages of every kind and version, built then parsed back field by field
 * (sources and group records included); random mutations of them parse or fail with a
 * ParseException only, leaving the buffer as it was; and every builder writes the same bytes into
 * buffers pre-filled with 0x00 and 0xFF.
 */
class IgmpPropertiesTest {
    /** A random record: type, group, sources, auxiliary words. */
    record Group(int type, int group, List<Integer> sources, int auxWords) {}

    /** One message; what its kind does not use is ignored. */
    record Message(IgmpMessageKind kind, int code, int group, boolean s, int qrv, int qqic, List<Integer> sources,
            List<Group> records) {
        PacketBuilder builder() {
            return switch (kind) {
                case V1_MEMBERSHIP_QUERY -> IgmpMessageBuilder.v1Query();
                case V2_MEMBERSHIP_QUERY -> IgmpMessageBuilder.v2Query(Math.max(1, code), Ipv4Address.of(group));
                case V1_MEMBERSHIP_REPORT -> IgmpMessageBuilder.v1Report(Ipv4Address.of(group));
                case V2_MEMBERSHIP_REPORT -> IgmpMessageBuilder.v2Report(Ipv4Address.of(group));
                case V2_LEAVE_GROUP -> IgmpMessageBuilder.leaveGroup(Ipv4Address.of(group));
                case V3_MEMBERSHIP_QUERY -> {
                    IgmpV3QueryMessageBuilder query = IgmpV3QueryMessageBuilder.groupAndSourceQuery(
                            Ipv4Address.of(group), addresses(sources));
                    query.header().maxResponseCode(code);
                    query.query().suppressRouterProcessing(s).querierRobustnessVariable(qrv)
                            .querierQueryIntervalCode(qqic);
                    yield query;
                }
                case V3_MEMBERSHIP_REPORT -> {
                    IgmpV3ReportMessageBuilder report = new IgmpV3ReportMessageBuilder();
                    for (Group g : records) {
                        byte[] aux = new byte[4 * g.auxWords()];
                        Arrays.fill(aux, (byte) g.type());
                        report.addRecord(IgmpRecordType.of(g.type()), Ipv4Address.of(g.group()), addresses(g.sources()),
                                aux);
                    }
                    yield report;
                }
                case OTHER -> new IgmpHeaderBuilder().type(IgmpType.MTRACE_QUERY).maxResponseCode(code);
            };
        }

        byte[] build() throws SizeLimitExceededException {
            return Serializer.of(new byte[0]).encapsulate(builder()).serialize().toByteArray();
        }
    }

    static List<Ipv4Address> addresses(List<Integer> bits) {
        List<Ipv4Address> result = new ArrayList<>();
        bits.forEach(b -> result.add(Ipv4Address.of(b)));
        return result;
    }

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<Integer> bytes = Arbitraries.integers().between(0, 255);
        Arbitrary<Integer> ints = Arbitraries.integers();
        Arbitrary<List<Integer>> sources = ints.list().ofMaxSize(6);
        Arbitrary<Group> groups = Combinators.combine(bytes, ints, sources, Arbitraries.integers().between(0, 3))
                .as(Group::new);
        return Combinators.combine(Arbitraries.of(IgmpMessageKind.class), bytes, ints, Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 7), bytes, sources, groups.list().ofMaxSize(5)).as(Message::new);
    }

    @Property(tries = 600)
    void builtMessagesParseBack(@ForAll("messages") Message m) throws Exception {
        byte[] bytes = m.build();
        PacketBuffer buffer = PacketBuffer.wrap(bytes.clone());
        IgmpPacket igmp = IgmpPacket.parse(buffer);
        assertThat(igmp.checksumValid()).isTrue();
        assertThat(igmp.kind()).isEqualTo(m.kind());
        assertThat(buffer.bodyLength()).isZero();
        switch (m.kind()) {
            case V1_MEMBERSHIP_QUERY -> assertThat(igmp.groupAddress().groupAddressBits()).isZero();
            case V2_MEMBERSHIP_QUERY -> {
                assertThat(igmp.maxResponseTime()).isEqualTo(Math.max(1, m.code()));
                assertThat(igmp.groupAddress().groupAddressBits()).isEqualTo(m.group());
            }
            case V1_MEMBERSHIP_REPORT, V2_MEMBERSHIP_REPORT, V2_LEAVE_GROUP ->
                    assertThat(igmp.groupAddress().groupAddressBits()).isEqualTo(m.group());
            case V3_MEMBERSHIP_QUERY -> {
                IgmpV3Query query = igmp.v3Query();
                assertThat(igmp.maxResponseCode()).isEqualTo(m.code());
                assertThat(query.groupAddressBits()).isEqualTo(m.group());
                assertThat(query.suppressRouterProcessing()).isEqualTo(m.s());
                assertThat(query.querierRobustnessVariable()).isEqualTo(m.qrv());
                assertThat(query.querierQueryIntervalCode()).isEqualTo(m.qqic());
                assertThat(query.numberOfSources()).isEqualTo(m.sources().size());
                for (int i = 0; i < m.sources().size(); i++) {
                    assertThat(igmp.sourceBits(i)).isEqualTo(m.sources().get(i));
                }
            }
            case V3_MEMBERSHIP_REPORT -> {
                IgmpGroupRecords records = igmp.records();
                for (Group g : m.records()) {
                    assertThat(records.next()).isTrue();
                    assertThat(records.record().recordTypeValue()).isEqualTo(g.type());
                    assertThat(records.record().multicastAddressBits()).isEqualTo(g.group());
                    assertThat(records.record().auxDataLength()).isEqualTo(g.auxWords());
                    assertThat(records.record().numberOfSources()).isEqualTo(g.sources().size());
                    for (int i = 0; i < g.sources().size(); i++) {
                        assertThat(records.sourceBits(i)).isEqualTo(g.sources().get(i));
                    }
                }
                assertThat(records.next()).isFalse();
            }
            case OTHER -> assertThat(igmp.type()).isEqualTo(IgmpType.MTRACE_QUERY);
        }
        igmp.undoParse(buffer);
        assertThat(buffer.toByteArray()).isEqualTo(bytes);
    }

    @Property(tries = 200)
    void messagesInIpv4ParseFromTheIpPayload(@ForAll("messages") Message m) throws Exception {
        PacketBuffer packet = Serializer.of(new byte[0]).encapsulate(m.builder())
                .encapsulate(new Ipv4Builder().ttl(1).protocol(IpProtocol.IGMP)).serialize();
        Ipv4.parse(packet);
        assertThat(IgmpPacket.parse(packet).kind()).isEqualTo(m.kind());
    }

    @Provide
    Arbitrary<byte[]> validMessages() {
        return messages().map(m -> {
            try {
                return m.build();
            } catch (SizeLimitExceededException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Property(tries = 3000)
    void mutationsParseOrFailWithAParseException(@ForAll("validMessages") byte[] message,
            @ForAll @IntRange(max = 200) int position, @ForAll byte value, @ForAll @IntRange(max = 40) int cut) {
        byte[] mutated = message.clone();
        mutated[position % mutated.length] = value;
        if (cut < mutated.length) {
            mutated = Arrays.copyOf(mutated, mutated.length - cut % 8);
        }
        IgmpRobustness.attempt(mutated);
    }

    @Property(tries = 400)
    void zerosAndOnesGiveTheSameBytes(@ForAll("messages") Message m, @ForAll @IntRange(max = 64) int slack,
            @ForAll boolean inIpv4) throws Exception {
        byte[] fresh = serialize(m, inIpv4, null, 0);
        assertThat(serialize(m, inIpv4, (byte) 0, fresh.length + slack)).isEqualTo(fresh);
        assertThat(serialize(m, inIpv4, (byte) 0xFF, fresh.length + slack)).isEqualTo(fresh);
    }

    private static byte[] serialize(Message m, boolean inIpv4, Byte fill, int capacity) throws Exception {
        Serializer serializer = Serializer.of(new byte[0]).encapsulate(m.builder());
        if (inIpv4) {
            serializer = serializer.encapsulate(new Ipv4Builder().ttl(1).protocol(IpProtocol.IGMP));
        }
        if (fill == null) {
            return serializer.serialize().toByteArray();
        }
        byte[] scratch = new byte[capacity];
        Arrays.fill(scratch, fill);
        return serializer.serialize(BufferProvider.into(PacketBuffer.wrap(scratch))).toByteArray();
    }
}
