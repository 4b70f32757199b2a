package io.zerowire.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.zerowire.processor.diagnostics.Layouts.compile;
import static io.zerowire.processor.diagnostics.Layouts.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Diagnostics about repeated groups ({@code @Repeated}): the elements, the bound, the count or flag, the place. */
class RepeatedGroupDiagnosticsTest {

    /** An element layout of fixed size with a 1-bit flag, as MPLS's label stack entry. */
    private static JavaFileObject entry() {
        return source("EntryLayout",
                "@Header",
                "interface EntryLayout {",
                "    @Bits(20) int label();",
                "    @Bits(3) int trafficClass();",
                "    boolean last();",
                "    @Bits(8) int ttl();",
                "}");
    }

    @Test
    void countedAddressesAndAFlaggedStackCompileWithoutWarnings() {
        JavaFileObject query = source("QueryLayout",
                "@Header",
                "interface QueryLayout {",
                "    @Bits(16) int numberOfSources();",
                "    @Bits(16) long lastIndex();",
                "    @Repeated(count = \"numberOfSources\", max = 8) List<Ipv6Address> sources();",
                "}");
        JavaFileObject stack = source("StackLayout",
                "@Header",
                "interface StackLayout {",
                "    @Bits(8) int hops();",
                "    @Repeated(until = \"last\", max = 4) List<EntryLayout> labels();",
                "}");
        Compilation compilation = Layouts.compileStrictly(query, stack, entry());
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.Query").contentsAsUtf8String()
                .contains("public Ipv6Address sources(int index)");
        assertThat(compilation).generatedSourceFile("p.Stack").contentsAsUtf8String()
                .contains("public Entry labels(int index)");
        assertThat(compilation).generatedSourceFile("p.StackBuilder").contentsAsUtf8String()
                .contains("public StackBuilder labels(List<EntryBuilder> labels)");
    }

    @Test
    @Diagnoses("REPEATED_REQUIRED")
    void aListWithoutRepeatedIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int n();",
                "    List<Ipv4Address> sources();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("field sources() has type java.util.List<io.zerowire.ip.Ipv4Address>:"
                        + " add @Repeated(count = \"...\" or until = \"...\", max = n)")
                .inFile(file).onLineContaining("List<Ipv4Address> sources()");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("REPEATED_TYPE")
    void anElementTypeAGroupCannotHoldIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int n();",
                "    @Repeated(count = \"n\", max = 4)",
                "    List<String> names();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("repeated group names() has type java.util.List<java.lang.String>:"
                        + " a group is a List of Ipv4Address, Ipv6Address or a @Header layout of fixed size")
                .inFile(file).onLineContaining("List<String> names()");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("REPEATED_ELEMENT_NOT_FIXED")
    void anElementLayoutOfVariableSizeIsReported() {
        JavaFileObject element = source("RecordLayout",
                "@Header",
                "interface RecordLayout {",
                "    @Bits(8) @HeaderLength(unit = 4) int length();",
                "    @Bits(24) int rest();",
                "}");
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int n();",
                "    @Repeated(count = \"n\", max = 4)",
                "    List<RecordLayout> records();",
                "}");
        Compilation compilation = compile(file, element);
        assertThat(compilation).hadErrorContaining("the elements of records() are RecordLayout, which is not a layout of"
                        + " fixed size (it has @HeaderLength on length())")
                .inFile(file).onLineContaining("List<RecordLayout> records()");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("REPEATED_NO_BOUND")
    void aGroupWithoutABoundIsReportedOnTheAnnotation() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int n();",
                "    @Repeated(count = \"n\")",
                "    List<Ipv4Address> sources();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("repeated group sources() needs a bound: set max to the most elements"
                        + " a parser accepts (1 or more)")
                .inFile(file).onLineContaining("@Repeated(count = \"n\")");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("REPEATED_HOW")
    void aGroupWithBothACountAndAFlagIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int n();",
                "    @Repeated(count = \"n\", until = \"last\", max = 4)",
                "    List<EntryLayout> labels();",
                "}");
        Compilation compilation = compile(file, entry());
        assertThat(compilation).hadErrorContaining("repeated group labels() needs exactly one of count (the earlier field"
                        + " that counts the elements) and until (the element's flag that marks the last one)")
                .inFile(file).onLineContaining("until = \"last\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("REPEATED_COUNT_NO_FIELD")
    void aCountThatNamesNoFieldIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int n();",
                "    @Repeated(count = \"number\", max = 4)",
                "    List<Ipv4Address> sources();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Repeated(count = \"number\") on sources() names no field: name the"
                        + " int or long field, declared before it, that counts the elements")
                .inFile(file).onLineContaining("@Repeated(count = \"number\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("REPEATED_COUNT_NOT_NUMBER")
    void aCountThatIsAConstantIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) @Const(2) int n();",
                "    @Repeated(count = \"n\", max = 4)",
                "    List<Ipv4Address> sources();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Repeated(count = \"n\") on sources() names n(), which is not a"
                        + " count: a count is a fixed int or long field without @Const, @Reserved or another role")
                .inFile(file).onLineContaining("@Repeated(count = \"n\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("REPEATED_COUNT_AFTER")
    void aCountDeclaredAfterTheGroupIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Repeated(count = \"n\", max = 4)",
                "    List<Ipv4Address> sources();",
                "    @Bits(16) int n();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Repeated(count = \"n\") on sources() names a field declared after"
                        + " it: declare the count among the fixed fields, before the group")
                .inFile(file).onLineContaining("@Repeated(count = \"n\"");
        assertThat(compilation).hadErrorContaining("repeated group sources() must be the last field")
                .inFile(file).onLineContaining("@Repeated(count = \"n\"");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    @Diagnoses("REPEATED_COUNT_OFFSET")
    void aNegativeCountOffsetIsReported() {
        // A count of 0 would mean -1 elements: a parser must never take bytes back from the fixed header.
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int n();",
                "    @Repeated(count = \"n\", countOffset = -1, max = 4)",
                "    List<Ipv4Address> sources();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Repeated(countOffset = -1) on sources() is negative: the elements"
                        + " are the count field's value plus countOffset, which must never be below zero")
                .inFile(file).onLineContaining("countOffset = -1");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("REPEATED_NOT_LAST")
    void aFieldAfterTheGroupIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int n();",
                "    @Repeated(count = \"n\", max = 4)",
                "    List<Ipv4Address> sources();",
                "    @Bits(8) int after();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("repeated group sources() must be the last field: its elements follow"
                        + " the fixed fields")
                .inFile(file).onLineContaining("@Repeated(count = \"n\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("REPEATED_UNTIL_NOT_LAYOUT")
    void aFlagOverAddressesIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int n();",
                "    @Repeated(until = \"last\", max = 4)",
                "    List<Ipv4Address> sources();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Repeated(until = \"last\") on sources() needs elements that are a"
                        + " layout holding that flag, not Ipv4Address")
                .inFile(file).onLineContaining("@Repeated(until = \"last\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("REPEATED_UNTIL_NO_FLAG")
    void aFlagTheElementDoesNotHaveIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int n();",
                "    @Repeated(until = \"ttl\", max = 4)",
                "    List<EntryLayout> labels();",
                "}");
        Compilation compilation = compile(file, entry());
        assertThat(compilation).hadErrorContaining("@Repeated(until = \"ttl\") on labels() names no flag of EntryLayout:"
                        + " name a 1-bit boolean field of the element layout, without @Const or another role")
                .inFile(file).onLineContaining("@Repeated(until = \"ttl\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("REPEATED_ANNOTATION_ON_FIELD")
    void repeatedOnAPlainFieldIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) int n();",
                "    @Repeated(count = \"n\", max = 4)",
                "    Ipv4Address source();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Repeated on source() applies to List fields only: a"
                        + " io.zerowire.ip.Ipv4Address field is not a group")
                .inFile(file).onLineContaining("@Repeated(count = \"n\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("REPEATED_UNSUPPORTED")
    void aGroupBesideOptionalFieldsIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    boolean present();",
                "    @Bits(7) int n();",
                "    @PresentIf(\"present\") @Bits(8) int extra();",
                "    @Repeated(count = \"n\", max = 4)",
                "    List<Ipv4Address> sources();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@PresentIf on extra() cannot be combined with the repeated group"
                        + " sources() (not supported)")
                .inFile(file).onLineContaining("@PresentIf(\"present\")");
    }
}
