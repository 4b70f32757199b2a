package io.zerowire.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.zerowire.annotations.Checksum;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;

/** Code pieces that the view and builder writers share. */
final class Generation {
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private Generation() {}

    static AnnotationSpec generated() {
        return AnnotationSpec.builder(GENERATED)
                .addMember("value", "$S", LayoutProcessor.class.getCanonicalName())
                .build();
    }

    /** The {@code OptionFormat} constant for a layout's option region: the one generated for its {@code @OptionHeader}. */
    static CodeBlock optionFormat(LayoutModel model) {
        TypeElement header = (TypeElement) ((DeclaredType) model.options().declaration().optionsFormat()).asElement();
        return CodeBlock.of("$T.FORMAT", OptionHeaderReader.formatClass(header));
    }

    /** The numeric bits a field stores, as an expression over a value expression of the field's Java type. */
    static CodeBlock bitsOf(FieldModel field, CodeBlock value) {
        switch (field.kind()) {
            case BOOLEAN:
                return CodeBlock.of("($L ? 1 : 0)", value);
            case ENUM:
                return CodeBlock.of("$L.value()", value);
            default:
                return value;
        }
    }

    /** The Javadoc phrase for a field's width, for example "8-bit" or "48-bit". */
    static String widthPhrase(FieldModel field) {
        return field.bitWidth() + "-bit";
    }

    /** "an" before words that start with a vowel sound as read aloud ("an ipv4", "an 8-bit"), else "a". */
    static String article(String word) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        boolean vowel = lower.matches("[aeio].*|8.*|1[18](-.*)?");
        return vowel ? "an" : "a";
    }

    /** Whether the raw number behind a field is a {@code long}. */
    static boolean rawIsLong(FieldModel field) {
        return field.kind() == FieldKind.LONG;
    }

    /** Whether a checksum is the UDP-style "zero means none over IPv4" and this model is over IPv4. */
    static boolean zeroMeansNone(LayoutModel model) {
        FieldModel checksum = model.checksum();
        return checksum != null && checksum.checksum().zeroMeansNoneOverIpv4()
                && model.pseudoHeader() == Specialization.V4;
    }

    /** Whether a zero checksum is rejected outright (UDP over IPv6, RFC 8200 section 8.1). */
    static boolean zeroForbidden(LayoutModel model) {
        FieldModel checksum = model.checksum();
        return checksum != null && checksum.checksum().zeroMeansNoneOverIpv4()
                && model.pseudoHeader() == Specialization.V6;
    }

    static boolean pseudoHeader(LayoutModel model) {
        return model.checksum() != null
                && model.checksum().checksum().covers() == Checksum.Coverage.PSEUDO_HEADER_AND_BODY;
    }

    /**
     * Statements that add the pseudo-header for {@code length} bytes to the accumulator
     * {@code checksum}, from addresses already taken apart into primitives ({@code addresses}: the
     * comma-separated arguments {@code PseudoHeader.addIpv4} or {@code addIpv6} takes for them).
     */
    static CodeBlock addRawPseudoHeader(LayoutModel model, String addresses, String length) {
        int protocol = model.checksum().checksum().protocol();
        return CodeBlock.of("$T.$L(checksumAccumulator, $L, $L, $L);\n", RuntimeTypes.PSEUDO_HEADER,
                model.pseudoHeader() == Specialization.V4 ? "addIpv4" : "addIpv6", addresses, protocol, length);
    }

    /** The address class of the pseudo-header. */
    static ClassName pseudoAddressType(LayoutModel model) {
        return model.pseudoHeader().addressType();
    }
}
