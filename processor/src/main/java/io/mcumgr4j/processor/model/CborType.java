package io.mcumgr4j.processor.model;

import io.mcumgr4j.processor.diagnostic.Message;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/** How a Java type travels as CBOR: the processor's view of a parameter, field or item type. */
public sealed interface CborType {

  /** The Java type. */
  TypeMirror mirror();

  /** The kinds of single values. */
  enum ScalarKind {
    BOOL, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, FLOAT32, FLOAT64, TEXT, BYTES
  }

  /** The {@code java.util} optional types. */
  enum OptionalKind {
    OBJECT, INT, LONG, DOUBLE
  }

  /**
   * A single value.
   *
   * @param primitive whether the Java type is primitive (always present) rather than a
   *     reference (left out when null)
   */
  record Scalar(TypeMirror mirror, ScalarKind kind, boolean primitive) implements CborType {}

  /** A {@code List<T>}: a CBOR array. */
  record ListOf(TypeMirror mirror, CborType item) implements CborType {}

  /** A {@code Map<String, T>}: a CBOR map with text keys. */
  record MapOf(TypeMirror mirror, CborType value) implements CborType {}

  /** An {@code Optional*}: the key is left out when empty. Only at the top of a parameter or field. */
  record Opt(TypeMirror mirror, OptionalKind kind, CborType inner) implements CborType {}

  /** A record: a nested CBOR map of its components. */
  record Rec(TypeMirror mirror, TypeElement element, List<FieldModel> fields) implements CborType {}

  /** An enum sent as the integer of its {@code int code()} method. */
  record EnumOf(TypeMirror mirror, TypeElement element) implements CborType {}

  /** {@code RawCbor}: one encoded value, carried verbatim. */
  record Raw(TypeMirror mirror) implements CborType {}

  /** A type the model cannot carry; the message says why and what to use instead. */
  record Unsupported(TypeMirror mirror, Message message, List<Object> args) implements CborType {

    public Unsupported {
      args = List.copyOf(args);
    }

    Unsupported(TypeMirror mirror, Message message, Object... args) {
      this(mirror, message, List.of(args));
    }
  }
}
