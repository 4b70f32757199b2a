package io.zerowire.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.zerowire.processor.diagnostics.Layouts.compile;
import static io.zerowire.processor.diagnostics.Layouts.compileStrictly;
import static io.zerowire.processor.diagnostics.Layouts.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Mistakes in a checksum's coverage field ({@code @Checksum(coverage)}, UDP-Lite), each on the element at fault. */
class ChecksumCoverageDiagnosticsTest {
    /** UDP-Lite's header with the coverage field's declaration and the checksum's extra attributes given. */
    private static JavaFileObject udpLite(String coverageField, String covers, String extra) {
        return source("UdpLiteLayout",
                "@Header",
                "interface UdpLiteLayout<A extends IpAddress<?>> {",
                "    @Bits(16) int sourcePort();",
                "    @Bits(16) int destinationPort();",
                "    " + coverageField,
                "    @Bits(16) @Checksum(covers = Coverage." + covers + ", protocol = 136, coverage = \"checksumCoverage\"" + extra + ")",
                "    int checksum();",
                "}");
    }

    @Test
    void udpLiteCompilesWithoutWarnings() {
        Compilation compilation = compileStrictly(udpLite("@Bits(16) int checksumCoverage();", "PSEUDO_HEADER_AND_BODY",
                ", transmitZeroAsAllOnes = true"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.UdpLite").contentsAsUtf8String()
                .contains("UdpLite<A> setChecksumCoverage(int value);");
    }

    @Test
    @Diagnoses("COVERAGE_UNKNOWN_FIELD")
    void aCoverageNamingNoFieldIsReportedOnTheChecksum() {
        JavaFileObject file = udpLite("@Bits(16) int coverage();", "PSEUDO_HEADER_AND_BODY", "");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("checksum checksum() names coverage field \"checksumCoverage\", which the layout does not have")
                .inFile(file).onLineContaining("@Checksum(");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("COVERAGE_FIELD_SHAPE")
    void aSignedCoverageFieldIsReportedOnIt() {
        JavaFileObject file = udpLite("@Bits(16) @Signed int checksumCoverage();", "PSEUDO_HEADER_AND_BODY", "");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("coverage field checksumCoverage() of checksum checksum() must be a plain unsigned int of whole bytes")
                .inFile(file).onLineContaining("int checksumCoverage();");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("COVERAGE_FIELD_SHAPE")
    void aCoverageFieldOfPartBytesIsReportedOnIt() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(4) int checksumCoverage();",
                "    @Bits(12) int rest();",
                "    @Bits(16) @Checksum(covers = Coverage.HEADER_AND_BODY, coverage = \"checksumCoverage\") int checksum();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("coverage field checksumCoverage() of checksum checksum()")
                .inFile(file).onLineContaining("@Bits(4) int checksumCoverage();");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("COVERAGE_NOT_OVER_BODY")
    void aHeaderChecksumWithACoverageIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(16) int checksumCoverage();",
                "    @Bits(16) @Checksum(covers = Coverage.HEADER, coverage = \"checksumCoverage\") int checksum();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("checksum checksum() has a coverage field, but covers = HEADER")
                .inFile(file).onLineContaining("@Checksum(");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("COVERAGE_ZERO_MEANS_NONE")
    void zeroMeansNoneWithACoverageIsReported() {
        JavaFileObject file = udpLite("@Bits(16) int checksumCoverage();", "PSEUDO_HEADER_AND_BODY",
                ", zeroMeansNoneOverIpv4 = true");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("checksum checksum() has a coverage field and zeroMeansNoneOverIpv4")
                .inFile(file).onLineContaining("@Checksum(");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("COVERAGE_OPTIONAL")
    void anOptionalChecksumWithACoverageIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    boolean checksumPresent();",
                "    @Bits(15) int flags();",
                "    @Bits(16) int checksumCoverage();",
                "    @PresentIf(\"checksumPresent\") @Bits(16)",
                "    @Checksum(covers = Coverage.HEADER_AND_BODY, coverage = \"checksumCoverage\") int checksum();",
                "    @PresentIf(\"checksumPresent\") @Bits(16) int reserved1();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("checksum checksum() has a coverage field but is optional")
                .inFile(file).onLineContaining("@Checksum(");
        assertThat(compilation).hadErrorCount(1);
    }
}
