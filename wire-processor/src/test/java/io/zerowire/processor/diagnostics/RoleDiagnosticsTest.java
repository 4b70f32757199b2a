package io.zerowire.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.zerowire.processor.diagnostics.Layouts.compile;
import static io.zerowire.processor.diagnostics.Layouts.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics about the roles a field plays: constants, reserved bits, length fields, checksums
 * and option regions. Errors about an annotation's attributes must point at the annotation.
 */
class RoleDiagnosticsTest {

    @Test
    @Diagnoses("CONFLICTING_ROLES")
    void twoRolesOnOneFieldAreReportedOnTheMethod() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) @Const(1) @Reserved",
                "    int flags();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("field flags() has both @Const and @Reserved: a field plays one role")
                .inFile(file).onLineContaining("int flags();");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("CONST_NEEDS_VALUE")
    void constOnAnAddressIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Const(1)",
                "    Ipv4Address source();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Const applies to int, long, boolean and open-enum fields, not to source()")
                .inFile(file).onLineContaining("@Const(1)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("ROLE_NEEDS_NUMBER")
    void lengthsOnNonNumbersAreReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @HeaderLength(unit = 1)",
                "    boolean small();",
                "    @Bits(7) int pad();",
                "    @TotalLength(includesHeader = true, unit = 1)",
                "    MacAddress total();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@HeaderLength applies to int and long fields, not to small()")
                .inFile(file).onLineContaining("@HeaderLength(unit = 1)");
        assertThat(compilation).hadErrorContaining("@TotalLength applies to int and long fields, not to total()")
                .inFile(file).onLineContaining("@TotalLength(includesHeader = true, unit = 1)");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    @Diagnoses("CONST_OUT_OF_RANGE")
    void constantWiderThanItsFieldIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(4)",
                "    @Const(16)",
                "    int version();",
                "    @Bits(4) int ihl();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Const(16) does not fit in the 4-bit field version()")
                .inFile(file).onLineContaining("@Const(16)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("CONST_OUT_OF_RANGE")
    void negativeConstantsMustFitTheSignedness() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) @Const(-1)",
                "    int unsigned();",
                "    @Bits(8) @Signed @Const(-129)",
                "    int tooSmall();",
                "    @Bits(8) @Signed @Const(-128)",
                "    int smallest();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Const(-1) does not fit in the 8-bit field unsigned()")
                .inFile(file).onLineContaining("@Bits(8) @Const(-1)");
        assertThat(compilation).hadErrorContaining("@Const(-129) does not fit in the 8-bit field tooSmall()")
                .inFile(file).onLineContaining("@Const(-129)");
        assertThat(compilation).hadErrorCount(2);
    }

    /** A boolean is one bit wide without {@code @Bits}: a constant of 2 cannot fit in it. */
    @Test
    @Diagnoses("CONST_OUT_OF_RANGE")
    void constantWiderThanABooleanIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Const(2)",
                "    boolean flag();",
                "    @Bits(7) int rest();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Const(2) does not fit in the 1-bit field flag()")
                .inFile(file).onLineContaining("@Const(2)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("LENGTH_WITHOUT_UNIT")
    void lengthFieldsWithoutAUnitAreReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8)",
                "    @HeaderLength",
                "    int ihl();",
                "    @Bits(8) int ttl();",
                "    @Bits(16)",
                "    @TotalLength(includesHeader = true)",
                "    int length();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("@HeaderLength on ihl() needs a unit: the number of bytes one count stands for"
                        + " (IPv4's IHL: unit = 4)")
                .inFile(file).onLineContaining("@HeaderLength");
        assertThat(compilation).hadErrorContaining("@TotalLength on length() needs a unit")
                .inFile(file).onLineContaining("@TotalLength(includesHeader = true)");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    @Diagnoses("LENGTH_WITHOUT_UNIT")
    void zeroOrNegativeUnitIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(16)",
                "    @TotalLength(includesHeader = false, unit = -8)",
                "    int length();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@TotalLength on length() needs a unit")
                .inFile(file).onLineContaining("unit = -8");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("DUPLICATE_ROLE")
    void secondLengthFieldIsReportedOnItsAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) @HeaderLength(unit = 4) int ihl();",
                "    @Bits(8)",
                "    @HeaderLength(unit = 8)",
                "    int extensionLength();",
                "    @Bits(16) @TotalLength(includesHeader = true, unit = 1) int totalLength();",
                "    @Bits(16)",
                "    @TotalLength(includesHeader = false, unit = 1)",
                "    int payloadLength();",
                "    @Bits(16) int pad();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("extensionLength() is a second @HeaderLength field: a layout has at most one"
                        + " (the first is ihl())")
                .inFile(file).onLineContaining("@HeaderLength(unit = 8)");
        assertThat(compilation)
                .hadErrorContaining("payloadLength() is a second @TotalLength field: a layout has at most one"
                        + " (the first is totalLength())")
                .inFile(file).onLineContaining("@TotalLength(includesHeader = false, unit = 1)");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    @Diagnoses("TWO_CHECKSUMS")
    void secondChecksumIsReportedOnItsAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(16) @Checksum(covers = Coverage.HEADER) int checksum();",
                "    @Bits(16)",
                "    @Checksum(covers = Coverage.HEADER_AND_BODY)",
                "    int checksum2();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("checksum2() is a second @Checksum field: a layout has at most one"
                        + " (the first is checksum())")
                .inFile(file).onLineContaining("@Checksum(covers = Coverage.HEADER_AND_BODY)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("CHECKSUM_NOT_INT")
    void checksumThatIsNotAnIntIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(16) int type();",
                "    @Bits(16)",
                "    @Checksum(covers = Coverage.HEADER)",
                "    long checksum();",
                "    @Checksum(covers = Coverage.HEADER_AND_BODY)",
                "    @Size(2) byte[] other();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("checksum checksum() must be declared as int: an internet checksum is a 16-bit number")
                .inFile(file).onLineContaining("@Checksum(covers = Coverage.HEADER)");
        // The second checksum is reported as such, whatever its type.
        assertThat(compilation).hadErrorContaining("other() is a second @Checksum field")
                .inFile(file).onLineContaining("@Checksum(covers = Coverage.HEADER_AND_BODY)");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    @Diagnoses("CHECKSUM_NOT_INT")
    void checksumOnAByteRegionIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(16) int type();",
                "    @Checksum(covers = Coverage.HEADER)",
                "    @Size(2) byte[] checksum();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("checksum checksum() must be declared as int")
                .inFile(file).onLineContaining("@Checksum(covers = Coverage.HEADER)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("CHECKSUM_SHAPE")
    void checksumThatIsNotAnAlignedSixteenBitWordIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int type();",
                "    @Bits(16)",
                "    @Checksum(covers = Coverage.HEADER)",
                "    int checksum();",
                "    @Bits(8) int code();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("checksum checksum() must be 16 bits wide and start on an even byte offset"
                        + " (it is 16 bits at bit 8)")
                .inFile(file).onLineContaining("@Checksum(covers = Coverage.HEADER)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("CHECKSUM_SHAPE")
    void narrowChecksumIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8)",
                "    @Checksum(covers = Coverage.HEADER)",
                "    int checksum();",
                "    @Bits(8) int code();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("(it is 8 bits at bit 0)")
                .inFile(file).onLineContaining("@Checksum(covers = Coverage.HEADER)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("CHECKSUM_LITTLE_ENDIAN")
    void checksumInALittleEndianLayoutIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header(order = Endian.LITTLE)",
                "interface FooLayout {",
                "    @Bits(16) int type();",
                "    @Bits(16)",
                "    @Checksum(covers = Coverage.HEADER)",
                "    int checksum();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("checksum checksum() is in a little-endian layout: internet checksums are sums"
                        + " of big-endian words")
                .inFile(file).onLineContaining("@Checksum(covers = Coverage.HEADER)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("CHECKSUM_NEEDS_PROTOCOL")
    void pseudoHeaderChecksumWithoutProtocolIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout<A extends IpAddress<?>> {",
                "    @Bits(16) int port();",
                "    @Bits(16)",
                "    @Checksum(covers = Coverage.PSEUDO_HEADER_AND_BODY)",
                "    int checksum();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("the pseudo-header checksum checksum() needs its protocol number: add protocol = 6"
                        + " (TCP), 17 (UDP) or 58 (ICMPv6)")
                .inFile(file).onLineContaining("@Checksum(covers = Coverage.PSEUDO_HEADER_AND_BODY)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("CHECKSUM_NEEDS_PROTOCOL")
    void protocolNumberAboveAByteIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout<A extends IpAddress<?>> {",
                "    @Bits(16) int port();",
                "    @Bits(16)",
                "    @Checksum(covers = Coverage.PSEUDO_HEADER_AND_BODY, protocol = 256)",
                "    int checksum();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("the pseudo-header checksum checksum() needs its protocol number")
                .inFile(file).onLineContaining("protocol = 256");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("CHECKSUM_NEEDS_VERSION")
    void pseudoHeaderChecksumInANonGenericLayoutWithoutVersionIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(16) int port();",
                "    @Bits(16)",
                "    @Checksum(covers = Coverage.PSEUDO_HEADER_AND_BODY, protocol = 6)",
                "    int checksum();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("the pseudo-header checksum checksum() needs an IP version: make the layout generic"
                        + " (<A extends IpAddress<?>>) or set ipVersion = V4 or V6")
                .inFile(file).onLineContaining("@Checksum(covers = Coverage.PSEUDO_HEADER_AND_BODY, protocol = 6)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("CHECKSUM_VERSION_CONFLICT")
    void ipVersionInAGenericLayoutIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout<A extends IpAddress<?>> {",
                "    @Bits(16) int port();",
                "    @Bits(16)",
                "    @Checksum(covers = Coverage.PSEUDO_HEADER_AND_BODY, protocol = 17, ipVersion = IpVersion.V6)",
                "    int checksum();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("checksum checksum() sets ipVersion, but the layout is generic over the IP version:"
                        + " remove ipVersion")
                .inFile(file).onLineContaining("ipVersion = IpVersion.V6");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("CHECKSUM_PSEUDO_ONLY")
    void pseudoHeaderAttributesOnAHeaderChecksumAreReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(16) int type();",
                "    @Bits(16)",
                "    @Checksum(covers = Coverage.HEADER_AND_BODY, zeroMeansNoneOverIpv4 = true, ipVersion = IpVersion.V4)",
                "    int checksum();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("zeroMeansNoneOverIpv4 on checksum checksum() applies to pseudo-header checksums only")
                .inFile(file).onLineContaining("zeroMeansNoneOverIpv4 = true");
        assertThat(compilation)
                .hadErrorContaining("ipVersion on checksum checksum() applies to pseudo-header checksums only")
                .inFile(file).onLineContaining("zeroMeansNoneOverIpv4 = true");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    @Diagnoses("HEADER_LENGTH_UNREACHABLE")
    void headerLengthThatCannotDescribeTheFixedHeaderIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8)",
                "    @HeaderLength(unit = 4)",
                "    int length();",
                "    @Bits(8) int type();",
                "    @Bits(32) long value();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("@HeaderLength(unit = 4, offset = 0) on length() cannot describe the 6-byte fixed"
                        + " header: the fixed length minus the offset must be a multiple of the unit")
                .inFile(file).onLineContaining("@HeaderLength(unit = 4)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("OPTIONS_WITHOUT_HEADER_LENGTH")
    void optionRegionWithoutHeaderLengthIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(32) long sequence();",
                "    @Options(TcpOptionLayout.class)",
                "    OptionsIterator options();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("option region options() needs a @HeaderLength field that says where the options end")
                .inFile(file).onLineContaining("@Options(TcpOptionLayout.class)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("OPTIONS_TYPE")
    void optionRegionOfTheWrongTypeIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) @HeaderLength(unit = 4) int length();",
                "    @Options(Ipv4OptionLayout.class)",
                "    @Bits(8) int options();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("option region options() must have type OptionsIterator")
                .inFile(file).onLineContaining("@Options(Ipv4OptionLayout.class)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("OPTIONS_NOT_LAST")
    void optionRegionBeforeAFieldIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) @HeaderLength(unit = 4) int length();",
                "    @Options(Ipv4OptionLayout.class)",
                "    OptionsIterator options();",
                "    @Bits(8) int after();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("option region options() must be the last field: the options run from the fixed"
                        + " fields to the header length")
                .inFile(file).onLineContaining("@Options(Ipv4OptionLayout.class)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("OPTIONS_REQUIRED")
    void optionsIteratorWithoutOptionsIsReportedOnTheMethod() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) @HeaderLength(unit = 4) int length();",
                "    @Bits(24) int rest();",
                "    OptionsIterator options();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("field options() has type OptionsIterator: add @Options(format) to say the option format")
                .inFile(file).onLineContaining("OptionsIterator options();");
        assertThat(compilation).hadErrorCount(1);
    }
}
