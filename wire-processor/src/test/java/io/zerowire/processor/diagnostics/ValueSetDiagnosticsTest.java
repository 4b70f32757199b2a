package io.zerowire.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.zerowire.processor.diagnostics.Layouts.compile;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics about {@code @ValueSet} declarations, each on the member at fault; and value sets that
 * are right: compiled strictly, and used by a layout of the same compilation, {@code @Const} included.
 */
class ValueSetDiagnosticsTest {
    /** The source file {@code p.<simpleName>} with the imports a value set and a layout need. */
    private static JavaFileObject source(String simpleName, String... lines) {
        List<String> all = new ArrayList<>(List.of("package p;", "",
                "import io.zerowire.annotations.Bits;",
                "import io.zerowire.annotations.Const;",
                "import io.zerowire.annotations.Header;",
                "import io.zerowire.annotations.ValueSet;", ""));
        all.addAll(List.of(lines));
        return JavaFileObjects.forSourceLines("p." + simpleName, all);
    }

    @Test
    @Diagnoses("VALUE_SET_DUPLICATE")
    void aRepeatedNumberIsReportedOnTheSecondName() {
        JavaFileObject file = source("Kinds",
                "@ValueSet(bits = 8)",
                "interface Kinds {",
                "    int ECHO = 8;",
                "    int PING = 8;",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation)
                .hadErrorContaining("value PING = 8 repeats the number of ECHO: each number has one name in value set Kinds")
                .inFile(file).onLineContaining("int PING = 8;");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("VALUE_SET_OUT_OF_RANGE")
    void aNumberOutsideTheWidthIsReportedOnIt() {
        JavaFileObject file = source("Kinds",
                "@ValueSet(bits = 8)",
                "interface Kinds {",
                "    int LAST = 255;",
                "    int TOO_BIG = 256;",
                "    int NEGATIVE = -1;",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("value TOO_BIG = 256 does not fit in the 8 unsigned bits of value set Kinds")
                .inFile(file).onLineContaining("int TOO_BIG = 256;");
        assertThat(compilation).hadErrorContaining("value NEGATIVE = -1 does not fit in the 8 unsigned bits")
                .inFile(file).onLineContaining("int NEGATIVE = -1;");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    @Diagnoses("VALUE_SET_NOT_A_VALUE")
    void membersThatAreNotIntConstantsAreReportedOnThem() {
        JavaFileObject file = source("Kinds",
                "@ValueSet(bits = 8)",
                "interface Kinds {",
                "    int ECHO = 8;",
                "    long WIDE = 1;",
                "    String LABEL = \"kind\";",
                "    int COMPUTED = Integer.parseInt(\"3\");",
                "    int code();",
                "    class Nested {}",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("WIDE in value set Kinds is not a value: declare each value as an"
                        + " int constant (int IPV4 = 0x0800;) and helpers as default methods")
                .inFile(file).onLineContaining("long WIDE = 1;");
        assertThat(compilation).hadErrorContaining("LABEL in value set Kinds is not a value")
                .inFile(file).onLineContaining("String LABEL");
        assertThat(compilation).hadErrorContaining("COMPUTED in value set Kinds is not a value")
                .inFile(file).onLineContaining("int COMPUTED");
        assertThat(compilation).hadErrorContaining("code in value set Kinds is not a value")
                .inFile(file).onLineContaining("int code();");
        assertThat(compilation).hadErrorContaining("Nested in value set Kinds is not a value")
                .inFile(file).onLineContaining("class Nested");
        assertThat(compilation).hadErrorCount(5);
    }

    @Test
    @Diagnoses("VALUE_SET_BITS")
    void aWidthOutsideOneToThirtyTwoIsReportedOnTheAnnotation() {
        for (int bits : new int[] {0, 33}) {
            JavaFileObject file = source("Kinds",
                    "@ValueSet(bits = " + bits + ")",
                    "interface Kinds {",
                    "    int ECHO = 8;",
                    "}");
            Compilation compilation = compile(file);
            assertThat(compilation).hadErrorContaining("@ValueSet(bits = " + bits + ") on Kinds is out of range:"
                            + " the numbers of a value set are 1 to 32 bits")
                    .inFile(file).onLineContaining("@ValueSet(bits = " + bits + ")");
            assertThat(compilation).hadErrorCount(1);
        }
    }

    @Test
    @Diagnoses("VALUE_SET_NAME_CLASH")
    void namesOfGeneratedMembersAreReported() {
        JavaFileObject file = source("Kinds",
                "@ValueSet(bits = 8)",
                "interface Kinds {",
                "    int value = 1;",
                "    default String name() { return \"kind\"; }",
                "    long value();",
                "    static Kinds of(int v) { return null; }",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("value in value set Kinds clashes with the generated member field value:"
                        + " rename it")
                .inFile(file).onLineContaining("int value = 1;");
        assertThat(compilation).hadErrorContaining("name() in value set Kinds clashes with the generated member name()")
                .inFile(file).onLineContaining("default String name()");
        assertThat(compilation).hadErrorContaining("value() in value set Kinds clashes with the generated member value()")
                .inFile(file).onLineContaining("long value();");
        // A static interface method is not inherited: of(int) beside it is no clash.
        assertThat(compilation).hadErrorCount(3);
    }

    @Test
    @Diagnoses("VALUE_SET_NAME")
    void aClassNameThatCannotBeDerivedIsReportedOnTheAnnotation() {
        JavaFileObject file = source("Colour",
                "@ValueSet(bits = 2)",
                "interface Colour {",
                "    int RED = 0;",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("value set Colour cannot generate a class named \"\": end the"
                        + " interface's name in s (EtherTypes generates EtherType) or set @ValueSet(name) to a Java"
                        + " name other than the interface's")
                .inFile(file).onLineContaining("@ValueSet(bits = 2)");
        assertThat(compilation).hadErrorCount(1);

        JavaFileObject same = source("Kinds",
                "@ValueSet(bits = 2, name = \"Kinds\")",
                "interface Kinds {",
                "    int RED = 0;",
                "}");
        assertThat(compile(same)).hadErrorContaining("value set Kinds cannot generate a class named \"Kinds\"")
                .inFile(same).onLineContaining("@ValueSet(bits = 2, name = \"Kinds\")");
    }

    @Test
    @Diagnoses("VALUE_SET_NOT_AN_INTERFACE")
    void aValueSetOnAClassIsReported() {
        JavaFileObject file = source("Kinds",
                "@ValueSet(bits = 8)",
                "class Kinds {",
                "    static final int ECHO = 8;",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@ValueSet applies to interfaces without type parameters only:"
                        + " declare Kinds as an interface whose int constants are the values")
                .inFile(file).onLineContaining("@ValueSet(bits = 8)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("VALUE_SET_DUPLICATE_CLASS")
    void twoValueSetsOfOneClassAreReportedOnTheSecond() {
        JavaFileObject first = source("Kinds",
                "@ValueSet(bits = 8)",
                "interface Kinds {",
                "    int ECHO = 8;",
                "}");
        JavaFileObject second = source("OtherKinds",
                "@ValueSet(bits = 8, name = \"Kind\")",
                "interface OtherKinds {",
                "    int REPLY = 0;",
                "}");
        Compilation compilation = compile(first, second);
        assertThat(compilation).hadErrorContaining("value set OtherKinds would generate p.Kind, which the value set"
                        + " Kinds already generates: give one of them another @ValueSet(name)")
                .inFile(second).onLineContaining("@ValueSet(bits = 8, name = \"Kind\")");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aValueSetIsALayoutFieldTypeInTheSameCompilationWithConstByNumber() {
        JavaFileObject set = source("Kinds",
                "/** Kinds of things. */",
                "@ValueSet(bits = 32, hex = true)",
                "public interface Kinds {",
                "    /** The first. */",
                "    int FIRST = 1;",
                "    int ALL_ONES = 0xFFFFFFFF;",
                "}");
        JavaFileObject layout = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) @Const(1) Kind kind();",
                "    @Bits(8) Kind other();",
                "}");
        Compilation compilation = Layouts.compileStrictly(set, layout);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.Kind").contentsAsUtf8String()
                .contains("case 0xFFFFFFFF: return ALL_ONES;");
        assertThat(compilation).generatedSourceFile("p.FooBuilder").contentsAsUtf8String().contains("kind");
    }

    @Test
    void aConstOutsideAValueSetFieldsWidthIsReported() {
        JavaFileObject set = source("Kinds",
                "@ValueSet(bits = 16)",
                "interface Kinds {",
                "    int FIRST = 1;",
                "}");
        JavaFileObject layout = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) @Const(256) Kind kind();",
                "}");
        Compilation compilation = compile(set, layout);
        assertThat(compilation).hadErrorContaining("@Const(256) does not fit in the 8-bit field kind()")
                .inFile(layout).onLineContaining("@Const(256)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aLayoutNamingATypeThatNeverAppearsIsStillReported() {
        JavaFileObject layout = source("FooLayout",
                "@Header",
                "interface FooLayout {",
                "    @Bits(8) Missing kind();",
                "}");
        assertThat(compile(layout)).hadErrorContaining("Missing").inFile(layout).onLineContaining("Missing kind();");
    }
}
