package io.mcumgr4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an SMP management group on an interface whose methods are its commands. The
 * processor generates, next to interface {@code X}: {@code XError} (the group's error enum),
 * {@code XDispatcher} (the server side), {@code XClient} (the typed client) and, when a command
 * has {@link Command#hook()}, {@code XEvents} (its callback hooks).
 *
 * <pre>{@code
 * @MgmtGroup(id = 64, name = "example",
 *     errors = @ErrorCode(value = 2, name = "NOT_WANTED", legacy = MgmtErr.EACCESSDENIED))
 * public interface ExampleMgmt {
 *   @Command(id = 0, ops = Op.READ)
 *   TestResult test(@Param("uint_value") @Uint long value, @Param("string_value") String text);
 * }
 * }</pre>
 *
 * <p>An interface may extend another annotated group interface to add commands to that group;
 * it carries {@code @MgmtGroup} with the same id (annotations are not inherited, and without one
 * the processor does not see the interface).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface MgmtGroup {

  /** The SMP group id, 0..65535; application groups start at 64 ({@code MGMT_GROUP_ID_PERUSER}). */
  int id();

  /** The name enumeration reports for the group (Zephyr's {@code mg_group_name}), e.g. {@code "example"}. */
  String name();

  /** The group's error codes, from 2 up (0 {@code OK} and 1 {@code UNKNOWN} always exist). */
  ErrorCode[] errors() default {};

  /**
   * The callback event group of the group's {@link Command#hook()} hooks. The default, -1,
   * takes {@code 64 + (id - 64)} for application groups (ids >= 64); a group below 64 with
   * hooked commands must name one.
   */
  int eventGroup() default -1;
}
