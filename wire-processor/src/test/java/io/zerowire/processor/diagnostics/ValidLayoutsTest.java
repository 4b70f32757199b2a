package io.zerowire.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.zerowire.processor.diagnostics.Layouts.compileStrictly;
import static io.zerowire.processor.diagnostics.Layouts.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The other side of the diagnostics: layouts that use every part of the language correctly compile
 * with no diagnostic at all under {@code -Xlint:all,-processing -Werror} (generated code included),
 * and get exactly their view and builder.
 */
class ValidLayoutsTest {

    private static List<String> generatedNames(Compilation compilation) {
        return compilation.generatedSourceFiles().stream()
                .map(file -> file.toUri().getPath())
                .map(path -> path.substring(path.lastIndexOf('/') + 1))
                .filter(name -> !name.endsWith("OptionFormat.java")) // Layouts.OPTION_FORMATS'
                .sorted()
                .collect(Collectors.toList());
    }

    @Test
    void ipv4LikeLayoutCompilesWithoutWarnings() {
        JavaFileObject protocol = source("Protocol",
                "public final class Protocol {",
                "    private final int value;",
                "    private Protocol(int value) { this.value = value; }",
                "    public static Protocol of(int value) { return new Protocol(value); }",
                "    public int value() { return value; }",
                "}");
        JavaFileObject file = source("Ipv4Layout",
                "@Header(layer = \"ipv4\")",
                "public interface Ipv4Layout {",
                "    @Bits(4) @Const(4) int version();",
                "    @Bits(4) @HeaderLength(unit = 4) int ihl();",
                "    @Bits(8) int tos();",
                "    @Bits(16) @TotalLength(includesHeader = true, unit = 1) int totalLength();",
                "    @Bits(16) int identification();",
                "    @Reserved boolean evil();",
                "    boolean dontFragment();",
                "    boolean moreFragments();",
                "    @Bits(13) int fragmentOffset();",
                "    @Bits(8) int ttl();",
                "    @Bits(8) Protocol protocol();",
                "    @Bits(16) @Checksum(covers = Coverage.HEADER) int headerChecksum();",
                "    Ipv4Address source();",
                "    Ipv4Address destination();",
                "    @Options(Ipv4OptionLayout.class) OptionsIterator options();",
                "}");
        Compilation compilation = compileStrictly(protocol, file);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.Ipv4").contentsAsUtf8String()
                .contains("public final class Ipv4 implements Ipv4Layout {");
        assertThat(compilation).generatedSourceFile("p.Ipv4Builder").contentsAsUtf8String()
                .contains("public final class Ipv4Builder implements PacketBuilder {");
        assertEquals(List.of("Ipv4.java", "Ipv4Builder.java"), generatedNames(compilation));
    }

    @Test
    void genericLayoutGetsBothSpecializationsAndTheirGenericTypeWithoutWarnings() {
        JavaFileObject file = source("UdpLayout",
                "@Header(layer = \"udp\")",
                "interface UdpLayout<A extends IpAddress<?>> {",
                "    @Bits(16) int sourcePort();",
                "    @Bits(16) int destinationPort();",
                "    @Bits(16) @TotalLength(includesHeader = true, unit = 1) int length();",
                "    @Bits(16) @Checksum(covers = Coverage.PSEUDO_HEADER_AND_BODY, protocol = 17,",
                "            zeroMeansNoneOverIpv4 = true, transmitZeroAsAllOnes = true) int checksum();",
                "}");
        Compilation compilation = compileStrictly(file);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.UdpV4").contentsAsUtf8String()
                .contains("implements Udp<Ipv4Address>");
        assertThat(compilation).generatedSourceFile("p.UdpV6").contentsAsUtf8String()
                .contains("implements Udp<Ipv6Address>");
        assertThat(compilation).generatedSourceFile("p.Udp").contentsAsUtf8String()
                .contains("public interface Udp<A extends IpAddress<?>> extends UdpLayout<A>");
        assertThat(compilation).generatedSourceFile("p.UdpV4Builder").isNotNull();
        assertThat(compilation).generatedSourceFile("p.UdpV6Builder").isNotNull();
        assertEquals(List.of("Udp.java", "UdpV4.java", "UdpV4Builder.java", "UdpV6.java", "UdpV6Builder.java"),
                generatedNames(compilation));
    }

    @Test
    void everyFieldKindCompilesWithoutWarnings() {
        JavaFileObject kind = source("Kind",
                "public final class Kind {",
                "    private final int value;",
                "    private Kind(int value) { this.value = value; }",
                "    public static Kind of(int value) { return new Kind(value); }",
                "    public int value() { return value; }",
                "}");
        JavaFileObject file = source("KitchenLayout",
                "@Header(name = \"KitchenSink\", layer = \"kitchen\", minBodyLength = 4)",
                "interface KitchenLayout {",
                "    @Bits(3) int small();",
                "    @Bits(1) @Const(1) boolean one();",
                "    @Bits(4) @Reserved int reserved();",
                "    @Bits(32) @Signed int signed32();",
                "    @Bits(12) @Signed @Const(-2048) int signedConstant();",
                "    @Bits(4) @Signed int nibble();",
                "    @Bits(40) long wide();",
                "    @Bits(64) long raw();",
                "    @Bits(8) Kind kind();",
                "    MacAddress mac();",
                "    Ipv4Address v4();",
                "    Ipv6Address v6();",
                "    @Size(4) byte[] nonce();",
                "    @Reserved @Size(2) byte[] zeros();",
                "}");
        Compilation compilation = compileStrictly(kind, file);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(List.of("KitchenSink.java", "KitchenSinkBuilder.java"), generatedNames(compilation));
    }

    @Test
    void tcpLikeLayoutWithAVersionedPseudoHeaderCompilesWithoutWarnings() {
        JavaFileObject file = source("TcpLayout",
                "@Header(layer = \"tcp\")",
                "interface TcpLayout {",
                "    @Bits(16) int sourcePort();",
                "    @Bits(16) int destinationPort();",
                "    @Bits(32) long sequence();",
                "    @Bits(32) long acknowledgment();",
                "    @Bits(4) @HeaderLength(unit = 4) int dataOffset();",
                "    @Bits(4) @Reserved int reserved();",
                "    @Bits(8) int flags();",
                "    @Bits(16) int window();",
                "    @Bits(16) @Checksum(covers = Coverage.PSEUDO_HEADER_AND_BODY, protocol = 6,",
                "            ipVersion = IpVersion.V4, verify = Checksum.Verify.ON_DEMAND) int checksum();",
                "    @Bits(16) int urgentPointer();",
                "    @Options(TcpOptionLayout.class) OptionsIterator options();",
                "}");
        Compilation compilation = compileStrictly(file);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.TcpBuilder").isNotNull();
        assertEquals(List.of("Tcp.java", "TcpBuilder.java"), generatedNames(compilation));
    }

    @Test
    void extensionHeaderAndLittleEndianLayoutsCompileWithoutWarnings() {
        JavaFileObject hopByHop = source("HopByHopLayout",
                "@Header(layer = \"hop-by-hop\")",
                "interface HopByHopLayout {",
                "    @Bits(8) int nextHeader();",
                "    @Bits(8) @HeaderLength(unit = 8, offset = 8) int length();",
                "    @Options(Ipv6OptionLayout.class) OptionsIterator options();",
                "}");
        JavaFileObject pcap = source("PcapRecordLayout",
                "@Header(order = Endian.LITTLE)",
                "interface PcapRecordLayout {",
                "    @Bits(32) long seconds();",
                "    @Bits(32) long microseconds();",
                "    @Bits(32) @TotalLength(includesHeader = false, unit = 1) long capturedLength();",
                "    @Bits(32) long originalLength();",
                "    @Bits(3) int lowBits();",
                "    @Bits(13) int highBits();",
                "}");
        JavaFileObject icmp = source("IcmpLayout",
                "@Header",
                "interface IcmpLayout {",
                "    @Bits(8) int type();",
                "    @Bits(8) int code();",
                "    @Bits(16) @Checksum(covers = Coverage.HEADER_AND_BODY) int checksum();",
                "    @Bits(32) long rest();",
                "}");
        Compilation compilation = compileStrictly(hopByHop, pcap, icmp);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(List.of("HopByHop.java", "HopByHopBuilder.java", "Icmp.java", "IcmpBuilder.java",
                        "PcapRecord.java", "PcapRecordBuilder.java"),
                generatedNames(compilation));
        // Lengths are checked in int arithmetic only where the largest value cannot overflow it:
        // a 32-bit length plus the header would wrap around and pass the check against the buffer.
        assertThat(compilation).generatedSourceFile("p.PcapRecord").contentsAsUtf8String()
                .contains("long totalLength = ");
        assertThat(compilation).generatedSourceFile("p.HopByHop").contentsAsUtf8String()
                .contains("int headerLength = ");
    }

    @Test
    void layoutWithoutLayoutSuffixGetsAViewSuffix() {
        JavaFileObject file = source("Foo",
                "@Header",
                "interface Foo {",
                "    @Bits(8) int ttl();",
                "}");
        Compilation compilation = compileStrictly(file);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(List.of("FooView.java", "FooViewBuilder.java"), generatedNames(compilation));
    }
}
