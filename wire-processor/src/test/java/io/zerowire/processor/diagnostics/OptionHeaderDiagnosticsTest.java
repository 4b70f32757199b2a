package io.zerowire.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.zerowire.processor.diagnostics.Layouts.compile;
import static io.zerowire.processor.diagnostics.Layouts.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics about option formats: an {@code @OptionHeader} that the runtime could not read or a
 * builder could not write, and an {@code @Options} that names something else or whose header length
 * could not count the options.
 */
class OptionHeaderDiagnosticsTest {

    /** An option header with the given annotation line and field lines. */
    private static JavaFileObject header(String annotation, String... fields) {
        String[] lines = new String[fields.length + 3];
        lines[0] = annotation;
        lines[1] = "interface FooOptionLayout {";
        System.arraycopy(fields, 0, lines, 2, fields.length);
        lines[lines.length - 1] = "}";
        return source("FooOptionLayout", lines);
    }

    private static final String KIND = "    @Bits(8) @OptionKind int kind();";
    private static final String LENGTH = "    @Bits(8) @OptionLength(unit = 1, counts = Counts.WHOLE_OPTION) int length();";

    @Test
    void aWellFormedHeaderGeneratesItsFormat() {
        JavaFileObject file = header("@OptionHeader(regionAlignment = 4)",
                "    @Bits(16) @OptionKind int optionClass();",
                "    @Bits(8) @OptionKind int type();",
                "    @Bits(3) int reserved();",
                "    @Bits(5) @OptionLength(unit = 4, counts = Counts.VALUE) int length();");
        Compilation compilation = compile(file);
        assertThat(compilation).succeeded();
        assertThat(compilation).generatedSourceFile("p.FooOptionFormat").contentsAsUtf8String()
                .contains(".kindBits(0, 24)");
    }

    @Test
    @Diagnoses("OPTION_HEADER_NOT_AN_INTERFACE")
    void aClassIsReported() {
        JavaFileObject file = source("FooOptionLayout",
                "@OptionHeader",
                "abstract class FooOptionLayout {",
                "}");
        assertThat(compile(file)).hadErrorContaining("@OptionHeader applies to interfaces only: declare"
                + " FooOptionLayout as an interface").inFile(file).onLineContaining("@OptionHeader");
    }

    @Test
    @Diagnoses("OPTION_FIELD_TYPE")
    void aFieldWithoutBitsIsReported() {
        JavaFileObject file = header("@OptionHeader", KIND,
                "    @OptionLength(unit = 1, counts = Counts.VALUE)",
                "    int length();");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("option header field length() must be an int with @Bits(1 to 32)"
                + " or a boolean").inFile(file).onLineContaining("int length();");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("OPTION_KIND_MISSING")
    void aHeaderWithoutKindIsReported() {
        JavaFileObject file = header("@OptionHeader", "    @Bits(8) int kind();", LENGTH);
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("option header FooOptionLayout has no kind: mark its kind field")
                .inFile(file).onLineContaining("@OptionHeader");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("OPTION_KIND_NOT_ADJACENT")
    void kindFieldsApartAreReported() {
        JavaFileObject file = header("@OptionHeader",
                "    @Bits(8) @OptionKind int optionClass();",
                LENGTH,
                "    @OptionKind",
                "    @Bits(8) int type();");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@OptionKind field type() does not follow the kind field"
                + " optionClass()").inFile(file).onLineContaining("    @OptionKind");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("OPTION_KIND_WIDTH")
    void aKindOfMoreThan24BitsIsReported() {
        JavaFileObject file = header("@OptionHeader",
                "    @Bits(16) @OptionKind int optionClass();",
                "    @OptionKind",
                "    @Bits(16) int type();",
                LENGTH);
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("the kind ending at type() is 32 bits: a kind is 1 to 24 bits")
                .inFile(file).onLineContaining("    @OptionKind");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("OPTION_LENGTH_MISSING")
    void aHeaderWithoutLengthIsReported() {
        JavaFileObject file = header("@OptionHeader(regionAlignment = 4)", KIND, "    @Bits(8) int length();");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("option header FooOptionLayout has no length")
                .inFile(file).onLineContaining("@OptionHeader(regionAlignment = 4)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("OPTION_LENGTH_DUPLICATE")
    void twoLengthsAreReported() {
        JavaFileObject file = header("@OptionHeader", KIND, LENGTH,
                "    @OptionLength(unit = 1, counts = Counts.VALUE)",
                "    @Bits(8) int again();");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@OptionLength field again(): the header already has the length"
                + " field length()").inFile(file).onLineContaining("Counts.VALUE)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("OPTION_LENGTH_UNIT")
    void aMissingOrOddUnitIsReported() {
        JavaFileObject missing = header("@OptionHeader", KIND,
                "    @OptionLength(counts = Counts.VALUE)",
                "    @Bits(8) int length();");
        Compilation compilation = compile(missing);
        assertThat(compilation).hadErrorContaining("length field length() must say its unit, the bytes each count"
                + " stands for: @OptionLength(unit = 1, 2, 4 or 8), not none")
                .inFile(missing).onLineContaining("@OptionLength(counts = Counts.VALUE)");
        assertThat(compilation).hadErrorCount(1);
        JavaFileObject odd = header("@OptionHeader", KIND,
                "    @OptionLength(unit = 3, counts = Counts.VALUE)",
                "    @Bits(8) int length();");
        assertThat(compile(odd)).hadErrorContaining("@OptionLength(unit = 1, 2, 4 or 8), not 3")
                .inFile(odd).onLineContaining("unit = 3");
    }

    @Test
    @Diagnoses("OPTION_LENGTH_WIDTH")
    void aLengthOfMoreThan16BitsIsReported() {
        JavaFileObject file = header("@OptionHeader", KIND,
                "    @OptionLength(unit = 1, counts = Counts.VALUE)",
                "    @Bits(24) int length();");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("length field length() is 24 bits: a length is 1 to 16 bits")
                .inFile(file).onLineContaining("@OptionLength(unit = 1, counts = Counts.VALUE)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("OPTION_LITTLE_ENDIAN_FIELD")
    void aLittleEndianBitFieldIsReported() {
        JavaFileObject file = header("@OptionHeader(order = Endian.LITTLE)",
                "    @Bits(16) @OptionKind int code();",
                "    @Bits(4) int reserved();",
                "    @OptionLength(unit = 1, counts = Counts.VALUE)",
                "    @Bits(12) int length();");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("field length() at bit 20, 12 bits wide, cannot be read"
                + " little-endian").inFile(file).onLineContaining("@OptionLength(unit = 1");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("OPTION_HEADER_SIZE")
    void aHeaderOfPartBytesIsReported() {
        JavaFileObject file = header("@OptionHeader", KIND, LENGTH, "    @Bits(4) int extra();");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("the fields of option header FooOptionLayout add up to 20 bits:"
                + " an option header is 1 to 8 whole bytes").inFile(file).onLineContaining("@OptionHeader");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("OPTION_HEADER_RULE")
    void contradictoryRulesAreReported() {
        String[][] cases = {
            {"@OptionHeader(padding = Padding.END_OF_LIST_THEN_ZEROS)",
                "padding END_OF_LIST_THEN_ZEROS needs an endOfList kind"},
            {"@OptionHeader(padding = Padding.PAD1_PADN, padN = 1)", "padding PAD1_PADN needs pad1, a single-byte kind"},
            {"@OptionHeader(singleByteKinds = 300)", "single-byte kind 300 is out of the kind's range 0..255"},
            {"@OptionHeader(valueAlignment = 4)", "valueAlignment pads values whose length is counted without them"},
            {"@OptionHeader(regionAlignment = 3)", "valueAlignment and regionAlignment must be 1, 2, 4 or 8"},
            {"@OptionHeader(maxOptions = 0)", "maxOptions = 0 must be at least 1"},
            {"@OptionHeader(endOfList = 256)", "endOfList = 256 is out of the kind's range 0..255"},
        };
        for (String[] c : cases) {
            JavaFileObject file = header(c[0], KIND, LENGTH);
            Compilation compilation = compile(file);
            assertThat(compilation).hadErrorContaining("@OptionHeader on FooOptionLayout: " + c[1])
                    .inFile(file).onLineContaining(c[0]);
            assertThat(compilation).hadErrorCount(1);
        }
        JavaFileObject wide = header("@OptionHeader(singleByteKinds = 0)",
                "    @Bits(16) @OptionKind int code();",
                "    @Bits(16) @OptionLength(unit = 1, counts = Counts.VALUE) int length();");
        assertThat(compile(wide)).hadErrorContaining("single-byte kinds need a kind field that is the header's first"
                + " byte").inFile(wide).onLineContaining("@OptionHeader");
    }

    @Test
    @Diagnoses("OPTIONS_NOT_AN_OPTION_HEADER")
    void optionsNamingAnotherTypeIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) @HeaderLength(unit = 4) int words();",
                "    @Bits(24) int id();",
                "    @Options(String.class)",
                "    OptionsIterator options();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Options(java.lang.String.class) on options() must name an"
                + " interface annotated @OptionHeader").inFile(file).onLineContaining("@Options(String.class)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("OPTIONS_LENGTH_NOT_DERIVABLE")
    void aHeaderLengthThatCannotCountThePaddedOptionsIsReported() {
        // TCP pads its options to 4 bytes: a length in 8-byte units could not cover them.
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @HeaderLength(unit = 8)",
                "    @Bits(8) int words();",
                "    @Bits(56) long id();",
                "    @Options(TcpOptionLayout.class) OptionsIterator options();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@HeaderLength on words() counts 8-byte units from byte 0, but"
                + " TcpOptionLayout pads its options to a multiple of 4 bytes")
                .inFile(file).onLineContaining("@HeaderLength(unit = 8)");
        assertThat(compilation).hadErrorCount(1);
    }
}
