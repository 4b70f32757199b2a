package io.zerowire.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/** A field laid out: where its bits are and what it is. */
record FieldModel(FieldDeclaration declaration, FieldKind kind, int bitOffset, int bitWidth) {
    String name() {
        return declaration.name();
    }

    FieldRole role() {
        return declaration.role();
    }

    boolean signed() {
        return declaration.signed();
    }

    int byteOffset() {
        return bitOffset / 8;
    }

    int byteLength() {
        return bitWidth / 8;
    }

    /** Starts and ends on byte boundaries. */
    boolean wholeBytes() {
        return bitOffset % 8 == 0 && bitWidth % 8 == 0;
    }

    FieldDeclaration.ChecksumSpec checksum() {
        return declaration.checksum();
    }

    long constValue() {
        return declaration.constValue();
    }

    /** The Java type of the getter. */
    TypeName javaType() {
        switch (kind) {
            case INT:
                return TypeName.INT;
            case LONG:
                return TypeName.LONG;
            case BOOLEAN:
                return TypeName.BOOLEAN;
            case ENUM:
                return declaration.enumType();
            case MAC:
                return RuntimeTypes.MAC_ADDRESS;
            case IPV4:
                return RuntimeTypes.IPV4_ADDRESS;
            case IPV6:
                return RuntimeTypes.IPV6_ADDRESS;
            case BYTES:
                return com.palantir.javapoet.ArrayTypeName.of(TypeName.BYTE);
            case OPTIONS:
                return RuntimeTypes.OPTIONS_ITERATOR;
            default:
                throw new IllegalStateException("no Java type for " + kind);
        }
    }

    /** The type of the raw number behind a numeric field: int when it fits in 31 bits (or 32 signed). */
    boolean rawIsLong() {
        return kind == FieldKind.LONG;
    }

    ClassName enumType() {
        return declaration.enumType();
    }
}
