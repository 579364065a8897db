package io.mcumgr4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the CBOR key of a record component, in a response or in any record sent as a nested map.
 * Without it the key is the component's name. A component of an {@code Optional*} type, or a
 * reference that is {@code null}, is left out of the map; a client reading a response without the
 * key gets it empty.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Field {

  /** The CBOR key. */
  String value();
}
