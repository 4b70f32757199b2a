package io.zerowire.protocols.ipv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.options.OptionsIterator;
import io.zerowire.protocols.ip.IpProtocol;
import io.zerowire.serialize.BufferProvider;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class Ipv4OptionsBuilderTest {
    private static final Ipv4Address A = Ipv4Address.parse("10.0.0.1");

    @Test
    void fortyBytesAtMostAndNothingAddedWhenTheyWouldOverflow() {
        Ipv4OptionsBuilder o = new Ipv4OptionsBuilder().recordRoute(9);
        assertThat(o.encodedLength()).isEqualTo(39);
        assertThat(o.headerLength()).isEqualTo(60);
        assertThatThrownBy(() -> o.routerAlert(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> o.raw(30, new byte[0])).isInstanceOf(IllegalStateException.class);
        assertThat(o.encodedLength()).isEqualTo(39);
        o.nop();
        assertThatThrownBy(o::nop).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Ipv4OptionsBuilder().recordRoute(10)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Ipv4OptionsBuilder().timestamps(10)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Ipv4OptionsBuilder().looseSourceRoute(new Ipv4Address[10]))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nothingFollowsTheEndOfList() {
        Ipv4OptionsBuilder o = new Ipv4OptionsBuilder().routerAlert(0).endOfList();
        assertThatThrownBy(o::nop).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(o::endOfList).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> o.streamId(1)).isInstanceOf(IllegalStateException.class);
        assertThat(o.clear().nop().encodedLength()).isEqualTo(1);
    }

    @Test
    void valuesThatDoNotFitAreRejected() {
        Ipv4OptionsBuilder o = new Ipv4OptionsBuilder();
        assertThatThrownBy(() -> o.routerAlert(0x10000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.route(Ipv4Options.TIMESTAMP, 4, A)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.route(Ipv4Options.RECORD_ROUTE, 256, A)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.timestamp(5, 16, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.timestamp(5, 0, 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.timestamp(5, 0, 0, 1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.security(0, 0, 0, 1 << 24)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.basicSecurity(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.raw(Ipv4Options.NOP, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.raw(Ipv4Options.END_OF_LIST, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.raw(256, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.recordRoute(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(o.encodedLength()).as("nothing added").isZero();
    }

    @Test
    void theTypedReadersReadWhatTheTypedMethodsWrote() throws Exception {
        Ipv4Address b = Ipv4Address.parse("10.0.0.2");
        OptionsIterator it = parse(new Ipv4OptionsBuilder().routerAlert(7).streamId(9).route(
                Ipv4Options.STRICT_SOURCE_ROUTE, 8, A, b).timestamp(13, 2, Ipv4Options.TIMESTAMP_WITH_ADDRESS,
                A.bits() & 0xFFFF_FFFFL, 1234, 0, 0)).header().options();
        it.next();
        assertThat(Ipv4Options.routerAlert(it)).isEqualTo(7);
        assertThat(Ipv4Options.isCopied(it.kind())).isTrue();
        assertThat(Ipv4Options.optionClass(it.kind())).isZero();
        assertThat(Ipv4Options.optionNumber(it.kind())).isEqualTo(20);
        it.next();
        assertThat(Ipv4Options.streamId(it)).isEqualTo(9);
        it.next();
        assertThat(Ipv4Options.routePointer(it)).isEqualTo(8);
        assertThat(Ipv4Options.routeSlots(it)).isEqualTo(2);
        assertThat(Ipv4Options.routeRecorded(it)).isEqualTo(1);
        assertThat(Ipv4Options.hasHopsLeft(it)).isTrue();
        assertThat(Ipv4Address.of(Ipv4Options.routeAddressBits(it, 1))).isEqualTo(b);
        it.next();
        assertThat(Ipv4Options.isCopied(it.kind())).isFalse();
        assertThat(Ipv4Options.optionClass(it.kind())).isEqualTo(2);
        assertThat(Ipv4Options.timestampPointer(it)).isEqualTo(13);
        assertThat(Ipv4Options.timestampOverflow(it)).isEqualTo(2);
        assertThat(Ipv4Options.timestampRecorded(it)).isEqualTo(1);
        assertThat(Ipv4Address.of(Ipv4Options.timestampAddressBits(it, 0))).isEqualTo(A);
        assertThat(Ipv4Options.timestamp(it, 0)).isEqualTo(1234);
        assertThat(it.next()).isFalse();
    }

    @Test
    void bothSecurityFormatsReadBack() throws Exception {
        OptionsIterator it = parse(new Ipv4OptionsBuilder().security(Ipv4Options.SECURITY_TOP_SECRET, 3, 0x4142, 0x58595A)
                .basicSecurity(0x96, (byte) 0x81, (byte) 0x40)).header().options();
        it.next();
        assertThat(Ipv4Options.isRfc791Security(it)).isTrue();
        assertThat(Ipv4Options.securityLevel(it)).isEqualTo(0x6BC5);
        assertThat(Ipv4Options.securityCompartments(it)).isEqualTo(3);
        assertThat(Ipv4Options.securityHandlingRestrictions(it)).isEqualTo(0x4142);
        assertThat(Ipv4Options.securityTransmissionControlCode(it)).isEqualTo(0x58595A);
        assertThat(Ipv4Options.basicSecurityClassification(it)).isEqualTo(-1);
        it.next();
        assertThat(Ipv4Options.isRfc791Security(it)).isFalse();
        assertThat(Ipv4Options.securityLevel(it)).isEqualTo(-1);
        assertThat(Ipv4Options.basicSecurityClassification(it)).isEqualTo(0x96);
        assertThat(Ipv4Options.basicSecurityFlagsLength(it)).isEqualTo(2);
        // An 11-byte type-130 option whose level is none of RFC 791's is RFC 1108's (as Wireshark reads it).
        OptionsIterator other = parse(new Ipv4OptionsBuilder().security(0x1234, 0, 0, 0)).header().options();
        other.next();
        assertThat(Ipv4Options.isRfc791Security(other)).isFalse();
        assertThat(Ipv4Options.basicSecurityClassification(other)).isEqualTo(0x12);
    }

    @Test
    void theStrictViewsRejectOptionsOfAnotherShape() throws Exception {
        OptionsIterator it = parse(new Ipv4OptionsBuilder().raw(Ipv4Options.ROUTER_ALERT, new byte[] {0})
                .timestamps(1)).header().options();
        it.next();
        assertThatThrownBy(() -> RouterAlertOption.parse(PacketBuffer.wrap(it.array(), it.offset(), it.length())))
                .isInstanceOf(io.zerowire.parse.ParseException.class);
        it.next();
        TimestampOption ts = TimestampOption.parse(PacketBuffer.wrap(it.array(), it.offset(), it.length()));
        assertThat(ts.pointer()).isEqualTo(5);
        assertThat(ts.bodyLength()).isEqualTo(4);
    }

    private static Ipv4Packet parse(Ipv4OptionsBuilder options) throws Exception {
        return Ipv4Packet.parse(PacketBuffer.wrap(Serializer.of(new byte[0]).encapsulate(new Ipv4Builder()
                .protocol(IpProtocol.UDP).options(options.optionsBuilder())).serialize().toByteArray()));
    }

    /** The 0x00/0xFF test for each option layout's builder, alone, around random data. */
    @Property(tries = 300)
    void optionLayoutBuildersWriteEveryByte(@ForAll long seed, @ForAll @IntRange(max = 32) int slack) throws Exception {
        Random r = new Random(seed);
        List<Function<Random, PacketBuilder>> builders = List.of(
                x -> new RouterAlertOptionBuilder().value(x.nextInt(0x10000)),
                x -> new StreamIdOptionBuilder().streamId(x.nextInt(0x10000)),
                x -> new RouteOptionBuilder().type(x.nextInt(256)).pointer(x.nextInt(256)),
                x -> new TimestampOptionBuilder().pointer(x.nextInt(256)).overflow(x.nextInt(16)).flag(x.nextInt(16)),
                x -> new SecurityOptionBuilder().security(x.nextInt(0x10000)).compartments(x.nextInt(0x10000))
                        .handlingRestrictions(x.nextInt(0x10000)).transmissionControlCode(x.nextInt(1 << 24)),
                x -> new BasicSecurityOptionBuilder().classificationLevel(x.nextInt(256)));
        int which = r.nextInt(builders.size());
        byte[] data = new byte[r.nextInt(12)];
        r.nextBytes(data);
        byte[] fresh = Serializer.of(data).encapsulate(builders.get(which).apply(new Random(seed))).serialize().toByteArray();
        for (byte fill : new byte[] {0, (byte) 0xFF}) {
            byte[] scratch = new byte[fresh.length + slack];
            Arrays.fill(scratch, fill);
            byte[] reused = Serializer.of(data).encapsulate(builders.get(which).apply(new Random(seed)))
                    .serialize(BufferProvider.into(PacketBuffer.wrap(scratch))).toByteArray();
            assertThat(reused).isEqualTo(fresh);
        }
    }

    /** The 0x00/0xFF test for IPv4 headers carrying every typed option, and random ones. */
    @Property(tries = 300)
    void ipv4WithTypedOptionsWritesEveryByte(@ForAll long seed, @ForAll @IntRange(max = 64) int slack) throws Exception {
        List<Consumer<Ipv4OptionsBuilder>> catalogue = Ipv4Samples.catalogue();
        Function<Random, Serializer> packet = r -> {
            Ipv4OptionsBuilder o;
            if (r.nextBoolean()) {
                o = new Ipv4OptionsBuilder();
                catalogue.get(r.nextInt(catalogue.size())).accept(o);
            } else {
                o = Ipv4Samples.randomOptions(r);
            }
            byte[] payload = new byte[r.nextInt(20)];
            r.nextBytes(payload);
            return Serializer.of(payload).encapsulate(Ipv4Samples.randomHeader(r, o, false));
        };
        byte[] fresh = packet.apply(new Random(seed)).serialize().toByteArray();
        for (byte fill : new byte[] {0, (byte) 0xFF}) {
            byte[] scratch = new byte[fresh.length + slack];
            Arrays.fill(scratch, fill);
            byte[] reused = packet.apply(new Random(seed)).serialize(BufferProvider.into(PacketBuffer.wrap(scratch)))
                    .toByteArray();
            assertThat(reused).isEqualTo(fresh);
        }
    }
}
