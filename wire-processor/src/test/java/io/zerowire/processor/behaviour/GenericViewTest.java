package io.zerowire.processor.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.management.ThreadMXBean;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.ip.IpAddress;
import io.zerowire.ip.Ipv4Address;
import io.zerowire.ip.Ipv6Address;
import io.zerowire.parse.ParseErrorKind;
import io.zerowire.parse.ParseException;
import io.zerowire.processor.sample.UdpHeader;
import io.zerowire.processor.sample.UdpHeaderV4;
import io.zerowire.processor.sample.UdpHeaderV4Builder;
import io.zerowire.processor.sample.UdpHeaderV6;
import io.zerowire.processor.sample.UdpHeaderV6Builder;
import io.zerowire.serialize.PacketBuilder;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The generic view type of a layout generic over the IP version ({@code UdpHeader<A>}, implemented
 * by {@code UdpHeaderV4} and {@code UdpHeaderV6}): IPv4 and IPv6 datagrams go through one code path
 * that names only the generic type, and come out as the specialized builders would have made them.
 */
class GenericViewTest {
    /** What a user's code generic over the IP version looks like: no instanceof, no per-version branch. */
    private static <A extends IpAddress<?>> void swapPorts(UdpHeader<A> view, PacketBuffer packet, A source,
            A destination) throws ParseException {
        view.wrap(packet, source, destination);
        int sourcePort = view.sourcePort();
        view.setSourcePort(view.destinationPort()).setDestinationPort(sourcePort);
        view.undoParse(packet);
    }

    /** Reads everything the generic type offers into one line, to compare the two versions' answers. */
    private static <A extends IpAddress<?>> String describe(UdpHeader<A> view) {
        return view.sourcePort() + " " + view.destinationPort() + " " + view.length() + " " + view.checksum()
                + " " + view.headerLength() + " " + (view.bodyOffset() - view.offset()) + " " + view.bodyLength()
                + " " + view.parseMetadata() + " " + view.checksumValid() + " " + view.pseudoHeaderSource()
                + " " + view.pseudoHeaderDestination();
    }

    /**
     * The generic path's result equals a fresh build with the ports swapped: the setters went through
     * the interface, so the checksum they kept must be the builder's.
     */
    private static <A extends IpAddress<?>> void swapsLikeABuild(UdpHeader<A> view, A source, A destination,
            int sourcePort, int destinationPort, byte[] payload, BiFunction<Integer, Integer, PacketBuilder> builder)
            throws ParseException {
        PacketBuffer packet = PacketBuffer.wrap(Packets.build(payload, builder.apply(sourcePort, destinationPort)));
        swapPorts(view, packet, source, destination);
        assertThat(packet.toByteArray()).isEqualTo(Packets.build(payload, builder.apply(destinationPort, sourcePort)));
        view.wrap(packet, source, destination);
        assertThat(describe(view)).isEqualTo(destinationPort + " " + sourcePort + " " + (8 + payload.length) + " "
                + view.checksum() + " 8 8 " + payload.length + " " + view.parseMetadata() + " true " + source + " "
                + destination);
        assertThat(packet.remaining()).isEqualTo(payload.length);
    }

    @Property(tries = 500)
    void ipv4ThroughTheGenericTypeEqualsWhatTheBuilderMakes(
            @ForAll(supplier = IpAddressSuppliers.Ipv4s.class) Ipv4Address source,
            @ForAll(supplier = IpAddressSuppliers.Ipv4s.class) Ipv4Address destination,
            @ForAll @IntRange(max = 0xFFFF) int sourcePort, @ForAll @IntRange(max = 0xFFFF) int destinationPort,
            @ForAll @Size(max = 60) byte[] payload) throws ParseException {
        swapsLikeABuild(new UdpHeaderV4(), source, destination, sourcePort, destinationPort, payload,
                (from, to) -> new UdpHeaderV4Builder().sourcePort(from).destinationPort(to).addresses(source, destination));
    }

    @Property(tries = 500)
    void ipv6ThroughTheGenericTypeEqualsWhatTheBuilderMakes(
            @ForAll(supplier = IpAddressSuppliers.Ipv6s.class) Ipv6Address source,
            @ForAll(supplier = IpAddressSuppliers.Ipv6s.class) Ipv6Address destination,
            @ForAll @IntRange(max = 0xFFFF) int sourcePort, @ForAll @IntRange(max = 0xFFFF) int destinationPort,
            @ForAll @Size(max = 60) byte[] payload) throws ParseException {
        swapsLikeABuild(new UdpHeaderV6(), source, destination, sourcePort, destinationPort, payload,
                (from, to) -> new UdpHeaderV6Builder().sourcePort(from).destinationPort(to).addresses(source, destination));
    }

    /** One list of views of both versions, handled by one loop: the dispatch the generic type removes. */
    @Example
    void oneLoopHandlesBothVersions() throws ParseException {
        Ipv4Address source4 = Ipv4Address.of(192, 0, 2, 1);
        Ipv4Address destination4 = Ipv4Address.of(198, 51, 100, 7);
        Ipv6Address source6 = Ipv6Address.parse("2001:db8::1");
        Ipv6Address destination6 = Ipv6Address.parse("2001:db8::2");
        byte[] payload = Packets.payload(11);
        PacketBuffer v4 = PacketBuffer.wrap(Packets.build(payload,
                new UdpHeaderV4Builder().sourcePort(53).destinationPort(4000).addresses(source4, destination4)));
        PacketBuffer v6 = PacketBuffer.wrap(Packets.build(payload,
                new UdpHeaderV6Builder().sourcePort(53).destinationPort(4000).addresses(source6, destination6)));
        List<UdpHeader<?>> views = List.of(new UdpHeaderV4().wrap(v4, source4, destination4),
                new UdpHeaderV6().wrap(v6, source6, destination6));
        for (UdpHeader<?> view : views) {
            view.setDestinationPort(4001);
            assertThat(view.checksumValid()).as("%s", view).isTrue();
            assertThat(view.destinationPort()).isEqualTo(4001);
            assertThat(view.bodyLength()).isEqualTo(11);
            assertThat(Arrays.copyOfRange(view.array(), view.bodyOffset(), view.bodyOffset() + view.bodyLength()))
                    .isEqualTo(payload);
        }
        // The same datagram over the two versions differs only in its checksum.
        assertThat(describe(views.get(0)).replace(source4 + " " + destination4, "")
                .replace(" " + views.get(0).checksum() + " ", " "))
                .isEqualTo(describe(views.get(1)).replace(source6 + " " + destination6, "")
                        .replace(" " + views.get(1).checksum() + " ", " "));
    }

    @Property(tries = 200)
    void aWrongPseudoHeaderIsATypedErrorThroughTheGenericTypeAndLeavesTheBuffer(
            @ForAll(supplier = IpAddressSuppliers.Ipv6s.class) Ipv6Address source, @ForAll @Size(max = 30) byte[] payload) {
        Ipv6Address destination = Ipv6Address.parse("2001:db8::2");
        byte[] bytes = Packets.build(payload, new UdpHeaderV6Builder().sourcePort(1).destinationPort(2)
                .addresses(source, destination));
        PacketBuffer packet = PacketBuffer.wrap(bytes);
        UdpHeader<Ipv6Address> view = new UdpHeaderV6();
        Ipv6Address other = Ipv6Address.of(source.high(), source.low() ^ 1);
        ParseException e = catchThrowableOfType(ParseException.class, () -> view.wrap(packet, other, destination));
        assertThat(e.kind()).isEqualTo(ParseErrorKind.CHECKSUM);
        assertThat(e.field()).isEqualTo("checksum");
        assertThat(packet.position()).isZero();
        assertThat(packet.remaining()).isEqualTo(bytes.length);
    }

    @Example
    void truncationAtEveryLengthIsATypedErrorThroughTheGenericTypeAndLeavesTheBuffer() {
        Ipv4Address source = Ipv4Address.of(10, 0, 0, 1);
        Ipv4Address destination = Ipv4Address.of(10, 0, 0, 2);
        byte[] whole = Packets.build(Packets.payload(9), new UdpHeaderV4Builder().sourcePort(7).destinationPort(9)
                .addresses(source, destination));
        for (int length = 0; length < whole.length; length++) {
            PacketBuffer packet = PacketBuffer.wrap(Arrays.copyOf(whole, length));
            UdpHeader<Ipv4Address> view = new UdpHeaderV4();
            ParseException e = catchThrowableOfType(ParseException.class,
                    () -> view.wrapUnverified(packet, source, destination));
            assertThat(e).as("length %d", length).isNotNull();
            assertThat(e.kind()).isEqualTo(ParseErrorKind.MALFORMED);
            assertThat(packet.position()).isZero();
            assertThat(packet.remaining()).isEqualTo(length);
        }
    }

    /**
     * The generic type carries everything the two views share: a public instance method of
     * {@code UdpHeaderV4} with a counterpart of the same name and arity in {@code UdpHeaderV6} is on
     * {@code UdpHeader} (or its layout), unless it takes raw address bits, whose form differs per version.
     */
    @Example
    void theGenericTypeCarriesEverythingBothViewsOffer() {
        Set<String> generic = Stream.of(UdpHeader.class.getMethods()).map(GenericViewTest::nameAndArity)
                .collect(Collectors.toSet());
        Set<String> v6 = Stream.of(UdpHeaderV6.class.getMethods()).map(GenericViewTest::nameAndArity)
                .collect(Collectors.toSet());
        List<String> missing = Stream.of(UdpHeaderV4.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class)
                .filter(m -> Stream.of(m.getParameterTypes()).noneMatch(type -> type == int.class && m.getName().startsWith("wrap")))
                .map(GenericViewTest::nameAndArity)
                .filter(v6::contains)
                .filter(name -> !generic.contains(name))
                .distinct()
                .toList();
        assertThat(missing).isEmpty();
        assertThat(generic).contains("wrap/3", "wrapUnverified/3", "wrapQuoted/3", "setSourcePort/1",
                "bodyOffset/0", "undoParse/1", "checksumValid/0", "pseudoHeaderSource/0");
    }

    private static String nameAndArity(Method method) {
        return method.getName() + "/" + method.getParameterCount();
    }

    /**
     * Through the interface, with both implementations seen at the call sites (bimorphic), a
     * wrap, reads, in-place setters and undo still allocate nothing.
     */
    @Example
    void theGenericPathAllocatesNothing() throws ParseException {
        Ipv4Address source4 = Ipv4Address.of(192, 0, 2, 1);
        Ipv4Address destination4 = Ipv4Address.of(198, 51, 100, 7);
        Ipv6Address source6 = Ipv6Address.parse("2001:db8::1");
        Ipv6Address destination6 = Ipv6Address.parse("2001:db8::2");
        PacketBuffer v4 = PacketBuffer.wrap(Packets.build(Packets.payload(20),
                new UdpHeaderV4Builder().sourcePort(1).destinationPort(2).addresses(source4, destination4)));
        PacketBuffer v6 = PacketBuffer.wrap(Packets.build(Packets.payload(20),
                new UdpHeaderV6Builder().sourcePort(1).destinationPort(2).addresses(source6, destination6)));
        UdpHeader<Ipv4Address> view4 = new UdpHeaderV4();
        UdpHeader<Ipv6Address> view6 = new UdpHeaderV6();
        ThrowingRunnable round = () -> {
            for (int i = 0; i < 20_000; i++) {
                swapPorts(view4, v4, source4, destination4);
                swapPorts(view6, v6, source6, destination6);
            }
        };
        for (int i = 0; i < 20; i++) {
            round.run(); // warm up: let the JIT compile the loop
        }
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            round.run();
            least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
        }
        assertThat(least).as("bytes allocated by 40000 generic wrap/set/undo rounds").isZero();
        // An even number of swaps: the ports are back where they were, and the checksums still verify.
        assertThat(view4.wrap(v4, source4, destination4).sourcePort()).isEqualTo(1);
        assertThat(view6.wrap(v6, source6, destination6).checksumValid()).isTrue();
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws ParseException;
    }
}
