package io.zerowire.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.zerowire.processor.diagnostics.Layouts.compile;
import static io.zerowire.processor.diagnostics.Layouts.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Diagnostics about byte orders chosen at parse time ({@code Endian.AT_PARSE}, {@code @ByteOrderMark}). */
class ParseOrderDiagnosticsTest {

    @Test
    void aPcapngSectionStartCompilesWithoutWarnings() {
        JavaFileObject file = source("SectionLayout",
                "@Header(order = Endian.AT_PARSE)",
                "interface SectionLayout {",
                "    @Bits(32) @Const(0x0A0D0D0AL) long blockType();",
                "    @Bits(32) @TotalLength(includesHeader = true, unit = 1) long blockTotalLength();",
                "    @Bits(32) @Const(0x1A2B3C4DL) @ByteOrderMark long byteOrderMagic();",
                "    @Bits(16) @Signed int minor();",
                "    @Bits(16) @Reserved int spare();",
                "    @Bits(64) @Signed long sectionLength();",
                "    MacAddress owner();",
                "    @Size(2) byte[] pad();",
                "}");
        Compilation compilation = Layouts.compileStrictly(file);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.Section").contentsAsUtf8String()
                .contains("public Section wrap(BufferView buffer) throws ParseException");
        assertThat(compilation).generatedSourceFile("p.SectionBuilder").contentsAsUtf8String()
                .contains("public SectionBuilder byteOrder(ByteOrder order)");
    }

    @Test
    @Diagnoses("PARSE_ORDER_UNSUPPORTED")
    void aChecksumOptionsOrOptionalFieldIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header(order = Endian.AT_PARSE)",
                "interface FooLayout {",
                "    @Bits(8) @HeaderLength(unit = 4) int length();",
                "    @Bits(8) int flags();",
                "    @Bits(16) @Checksum(covers = Coverage.HEADER) int sum();",
                "    @Options(TcpOptionLayout.class) OptionsIterator options();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@Checksum on sum() is not supported in a layout whose byte order is"
                        + " chosen at parse time (order = AT_PARSE): declare checksums, options and optional fields in"
                        + " a layout of a fixed order")
                .inFile(file).onLineContaining("@Checksum(covers");
        assertThat(compilation).hadErrorContaining("@Options on options() is not supported")
                .inFile(file).onLineContaining("@Options(TcpOptionLayout.class)");
        assertThat(compilation).hadErrorCount(2);

        JavaFileObject optional = source("BarLayout",
                "@Header(order = Endian.AT_PARSE)",
                "interface BarLayout {",
                "    @Bits(8) int flags();",
                "    @Bits(16) int kind();",
                "    @Bits(8) int spare();",
                "    @PresentIf(\"flags\") @Bits(32) long key();",
                "}");
        assertThat(compile(optional)).hadErrorContaining("@PresentIf on key() is not supported in a layout whose byte"
                        + " order is chosen at parse time")
                .inFile(optional).onLineContaining("long key()");
    }

    @Test
    @Diagnoses("PARSE_ORDER_PACKED")
    void aBitPackedFieldIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header(order = Endian.AT_PARSE)",
                "interface FooLayout {",
                "    @Bits(16) int linkType();",
                "    @Bits(12) int reserved();",
                "    @Bits(4) int fcsLength();",
                "    boolean present();",
                "    @Bits(7) int more();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("field reserved() is 12 bits at bit 16: in a layout whose byte order"
                        + " is chosen at parse time every field is whole bytes on a byte boundary, since packed bits mean"
                        + " different things in the two orders (declare the packed word as one field and take it apart"
                        + " in helper methods)")
                .inFile(file).onLineContaining("int reserved()");
        assertThat(compilation).hadErrorContaining("field fcsLength() is 4 bits at bit 28")
                .inFile(file).onLineContaining("int fcsLength()");
        assertThat(compilation).hadErrorContaining("field present() is 1 bits at bit 32")
                .inFile(file).onLineContaining("boolean present()");
        assertThat(compilation).hadErrorContaining("field more() is 7 bits at bit 33")
                .inFile(file).onLineContaining("int more()");
        assertThat(compilation).hadErrorCount(4);
    }

    @Test
    @Diagnoses("BYTE_ORDER_MARK_NEEDS_PARSE_ORDER")
    void aMarkInALayoutOfAFixedOrderIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header(order = Endian.LITTLE)",
                "interface FooLayout {",
                "    @Bits(32) @Const(0x1A2B3C4DL) @ByteOrderMark long magic();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("@ByteOrderMark on magic() needs a layout whose byte order is chosen"
                        + " at parse time: set @Header(order = Endian.AT_PARSE)")
                .inFile(file).onLineContaining("@ByteOrderMark long magic()");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    @Diagnoses("BYTE_ORDER_MARK_SHAPE")
    void aMarkWithoutAConstantOrOfTheWrongWidthIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header(order = Endian.AT_PARSE)",
                "interface FooLayout {",
                "    @Bits(24) @Const(0x123456) @ByteOrderMark int magic();",
                "    @Bits(8) int spare();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("byte-order mark magic() must be a @Const int or long field of 16, 32"
                        + " or 64 bits on a byte boundary (it is 24 bits at bit 0)")
                .inFile(file).onLineContaining("@ByteOrderMark int magic()");
        assertThat(compilation).hadErrorCount(1);

        JavaFileObject unset = source("BarLayout",
                "@Header(order = Endian.AT_PARSE)",
                "interface BarLayout {",
                "    @Bits(16) int spare();",
                "    @Bits(32) @ByteOrderMark long magic();",
                "}");
        assertThat(compile(unset)).hadErrorContaining("byte-order mark magic() must be a @Const int or long field of 16,"
                        + " 32 or 64 bits on a byte boundary (it is 32 bits at bit 16, without @Const)")
                .inFile(unset).onLineContaining("@ByteOrderMark long magic()");
    }

    @Test
    @Diagnoses("BYTE_ORDER_MARK_SYMMETRIC")
    void aMarkThatReadsTheSameBothWaysIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header(order = Endian.AT_PARSE)",
                "interface FooLayout {",
                "    @Bits(32) @Const(0x0A0D0D0AL) @ByteOrderMark long blockType();",
                "    @Bits(32) @Const(0x1A2B3C4DL) @ByteOrderMark long magic();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("byte-order mark blockType() has @Const(0xA0D0D0AL), whose bytes read"
                        + " the same in both orders and so cannot tell them apart: choose a value such as pcapng's"
                        + " 0x1A2B3C4D")
                .inFile(file).onLineContaining("long blockType()");
        // One mark per layout: the second is reported as such.
        assertThat(compilation).hadErrorContaining("magic() is a second @ByteOrderMark field: a layout has at most one"
                        + " (the first is blockType())")
                .inFile(file).onLineContaining("long magic()");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    @Diagnoses("NAME_CLASH")
    void aFieldNamedLikeTheOrderMembersIsReported() {
        JavaFileObject file = source("FooLayout",
                "@Header(order = Endian.AT_PARSE)",
                "interface FooLayout {",
                "    @Bits(8) int byteOrder();",
                "    @Bits(8) int littleEndian();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("field byteOrder() clashes with the generated member byteOrder()")
                .inFile(file).onLineContaining("int byteOrder()");
        assertThat(compilation).hadErrorContaining("field littleEndian() clashes with the generated member littleEndian()")
                .inFile(file).onLineContaining("int littleEndian()");
        assertThat(compilation).hadErrorCount(2);
    }
}
