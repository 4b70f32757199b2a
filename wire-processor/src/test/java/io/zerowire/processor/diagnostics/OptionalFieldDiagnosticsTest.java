package io.zerowire.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.zerowire.processor.diagnostics.Layouts.compile;
import static io.zerowire.processor.diagnostics.Layouts.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Diagnostics about optional fields ({@code @PresentIf}): the flag, the field's shape, its place and what it cannot be combined with. */
class OptionalFieldDiagnosticsTest {

    @Test
    void aGreLayoutCompilesWithoutWarnings() {
        // The optional checksum over the header only, with an odd-sized field after it: setters find its words at run time.
        JavaFileObject file = source("GreLayout",
                "@Header",
                "interface GreLayout {",
                "    boolean checksumPresent();",
                "    @Bits(15) int flags();",
                "    @Bits(16) int protocolType();",
                "    @PresentIf(\"checksumPresent\") @Bits(16) @Checksum(covers = Coverage.HEADER) int checksum();",
                "    @PresentIf(\"checksumPresent\") @Bits(16) @Signed int reserved1();",
                "    @PresentIf(\"checksumPresent\") @Bits(24) long wide();",
                "}");
        Compilation compilation = Layouts.compileStrictly(file);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.Gre").contentsAsUtf8String().contains("public boolean hasWide()");
        assertThat(compilation).generatedSourceFile("p.Gre").contentsAsUtf8String()
                .contains("return checksumAt < 0 || checksumValid(array, offset, headerLength);");
        assertThat(compilation).generatedSourceFile("p.GreBuilder").contentsAsUtf8String()
                .contains("public GreBuilder withChecksum()");
    }

    @Test
    @Diagnoses("OPTIONAL_CHECKSUM_PSEUDO")
    void anOptionalPseudoHeaderChecksumIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    boolean present();",
                "    @Bits(15) int flags();",
                "    @PresentIf(\"present\") @Bits(16)",
                "    @Checksum(covers = Coverage.PSEUDO_HEADER_AND_BODY, protocol = 47, ipVersion = IpVersion.V4)",
                "    int sum();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("optional checksum sum() covers a pseudo-header: an optional checksum"
                        + " covers HEADER or HEADER_AND_BODY (an optional pseudo-header checksum is not supported)")
                .inFile(file).onLineContaining("@Checksum(covers");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("OPTIONAL_CHECKSUM_SHAPE")
    void anOptionalChecksumAfterAnOddOptionalFieldIsReported() {
        // With every field present the checksum is at byte 6, but without wide() or pad() it would be at an odd one.
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    boolean present();",
                "    @Bits(15) int flags();",
                "    @PresentIf(\"present\") @Bits(24) long wide();",
                "    @PresentIf(\"present\") @Bits(8) int pad();",
                "    @PresentIf(\"present\") @Bits(16) @Checksum(covers = Coverage.HEADER_AND_BODY)",
                "    int sum();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("optional checksum sum() must be 16 bits wide and start on an even"
                        + " byte offset whichever optional fields are present: the fixed fields and every optional field"
                        + " before it need an even number of bytes (wide() is 24 bits)")
                .inFile(file).onLineContaining("@Checksum(covers");
        assertThat(compilation).hadErrorContaining("(pad() is 8 bits)");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    @Diagnoses("PRESENT_IF_NO_FIELD")
    void aGateThatNamesNoFieldIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    boolean keyPresent();",
                "    @Bits(7) int flags();",
                "    @PresentIf(\"keyPresnt\")",
                "    @Bits(32) long key();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@PresentIf(\"keyPresnt\") on key() names no field: name the 1-bit"
                        + " boolean flag, declared before it, that says whether the field is present")
                .inFile(file).onLineContaining("@PresentIf(\"keyPresnt\")");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("PRESENT_IF_NOT_FLAG")
    void aGateThatIsNoFlagIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int count();",
                "    @Const(1) boolean one();",
                "    @Bits(7) int flags();",
                "    @PresentIf(\"count\")",
                "    @Bits(32) long key();",
                "    @PresentIf(\"one\")",
                "    @Bits(32) long other();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@PresentIf(\"count\") on key() names count(), which is not a flag:"
                        + " a flag is a fixed 1-bit boolean field without @Const, @Reserved or another role")
                .inFile(file).onLineContaining("@PresentIf(\"count\")");
        assertThat(compilation).hadErrorContaining("@PresentIf(\"one\") on other() names one(), which is not a flag")
                .inFile(file).onLineContaining("@PresentIf(\"one\")");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    @Diagnoses({"PRESENT_IF_FLAG_AFTER", "FIXED_AFTER_OPTIONAL"})
    void aFlagAfterItsFieldAndAFixedFieldAfterAnOptionalOneAreReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int kind();",
                "    @PresentIf(\"late\")",
                "    @Bits(32) long key();",
                "    boolean late();",
                "    @Bits(7) int flags();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@PresentIf(\"late\") on key() names a flag declared after it:"
                        + " declare the flag among the fixed fields, before the fields it gates")
                .inFile(file).onLineContaining("@PresentIf(\"late\")");
        assertThat(compilation).hadErrorContaining("field late() comes after the optional field key(): declare every"
                        + " fixed field before the optional ones")
                .inFile(file).onLineContaining("boolean late();");
        assertThat(compilation).hadErrorContaining("field flags() comes after the optional field key()")
                .inFile(file).onLineContaining("int flags();");
        assertThat(compilation).hadErrorCount(3);
    }

    @Test
    @Diagnoses({"OPTIONAL_NOT_WHOLE_BYTES", "OPTIONAL_TYPE"})
    void optionalFieldsOfPartialBytesOrOtherTypesAreReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    boolean present();",
                "    @Bits(7) int flags();",
                "    @PresentIf(\"present\") @Bits(12)",
                "    int twelve();",
                "    @PresentIf(\"present\") @Bits(4) int four();",
                "    @PresentIf(\"present\")",
                "    Ipv4Address address();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("optional field twelve() is 12 bits wide: an optional field is whole"
                        + " bytes (8, 16, 24... bits), so that every field after it starts on a byte boundary")
                .inFile(file).onLineContaining("@PresentIf(\"present\") @Bits(12)");
        assertThat(compilation).hadErrorContaining("optional field four() is 4 bits wide")
                .inFile(file).onLineContaining("int four();");
        assertThat(compilation).hadErrorContaining("optional field address() has type io.zerowire.ip.Ipv4Address: an"
                        + " optional field is an int or long (optional booleans, open enums, addresses and byte regions"
                        + " are not supported)")
                .inFile(file).onLineContaining("Ipv4Address address();");
        assertThat(compilation).hadErrorCount(3);
    }

    @Test
    @Diagnoses("OPTIONAL_ROLE")
    void anOptionalFieldWithARoleIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    boolean present();",
                "    @Bits(7) int flags();",
                "    @PresentIf(\"present\") @Bits(16) @Reserved",
                "    int reserved();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("optional field reserved() has @Reserved: an optional field is a plain"
                        + " value or a checksum (an optional constant, reserved field, length or option region is not"
                        + " supported)")
                .inFile(file).onLineContaining("int reserved();");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("OPTIONAL_UNSUPPORTED")
    void lengthsChecksumsAndOptionsBesideOptionalFieldsAreReportedOnTheirAnnotations() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    boolean present();",
                "    @Bits(3) @HeaderLength(unit = 4) int words();",
                "    @Bits(12) int flags();",
                "    @Bits(16) @Checksum(covers = Coverage.HEADER) int sum();",
                "    @PresentIf(\"present\") @Bits(32) long key();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@HeaderLength on words() cannot be combined with optional fields"
                        + " such as key() (not supported): the flags alone give the header length, so a layout with"
                        + " optional fields has no @HeaderLength, @TotalLength, @Options or fixed @Checksum (a checksum"
                        + " may itself be an optional field)")
                .inFile(file).onLineContaining("int words();");
        assertThat(compilation).hadErrorContaining("@Checksum on sum() cannot be combined with optional fields")
                .inFile(file).onLineContaining("int sum();");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    @Diagnoses("OPTIONAL_UNSUPPORTED")
    void optionsBesideOptionalFieldsAreReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    boolean present();",
                "    @Bits(3) int words();",
                "    @Bits(4) int flags();",
                "    @PresentIf(\"present\") @Bits(32) long key();",
                "    @Options(TcpOptionLayout.class)",
                "    OptionsIterator options();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Options on options() cannot be combined with optional fields"
                        + " such as key()")
                .inFile(file).onLineContaining("@Options(TcpOptionLayout.class)");
    }

    @Test
    @Diagnoses("NAME_CLASH")
    void namesGeneratedForOptionalFieldsClash() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    boolean present();",
                "    @Bits(7) int hasKey();",
                "    @PresentIf(\"present\") @Bits(32) long key();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("field hasKey() clashes with the generated member hasKey() generated"
                        + " for key(): rename the field")
                .inFile(file).onLineContaining("int hasKey();");
        assertThat(compilation).hadErrorCount(1);
    }
}
