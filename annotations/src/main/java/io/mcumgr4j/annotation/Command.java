package io.mcumgr4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a method of a {@link MgmtGroup} interface as a command. Its parameters are the request
 * map's keys ({@link Param}); its return type is {@code void} (the response is {@code {}}) or a
 * record whose components are the response map's keys ({@link Field}). It may throw {@code
 * GroupErrorException} or {@code MgmtException} to answer with an error.
 *
 * <p>Two methods may share an id when their ops differ: Zephyr's settings group reads and writes
 * a setting through the same command id with different requests.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Command {

  /** The command id, 0..255. */
  int id();

  /** The request ops the command answers: {@link Op#READ}, {@link Op#WRITE} or both. */
  Op[] ops();

  /**
   * Whether the command fires a callback hook after decoding its request and before running: a
   * listener may let it go on or fail it with an {@code rc} or a group error. (Named {@code hook}
   * because {@code notify} is a final method of every Java object.)
   */
  boolean hook() default false;
}
