package io.mcumgr4j.processor.model;

import io.mcumgr4j.processor.diagnostic.Message;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * One {@code @MgmtGroup} interface with everything it inherits.
 *
 * @param element the interface
 * @param packageName its package
 * @param simpleName the prefix of the generated types (the interface's name; nested names are
 *     joined with {@code _})
 * @param id the group id
 * @param name the enumeration name
 * @param eventGroup the callback event group: declared, else inherited from an extended group's
 *     declaration, else -1
 * @param errors declared errors, inherited ones first
 * @param commands commands, inherited ones first
 * @param parentIds the group ids of the annotated interfaces it extends
 * @param parents the annotated interfaces it extends directly
 * @param missingParents super-interfaces, at any depth, that cannot be found (yet)
 * @param notInterface whether the annotation sits on something other than an interface
 * @param typeParameters whether the interface is generic
 * @param unannotatedMethods abstract methods without {@code @Command}
 * @param doc the interface's Javadoc, possibly empty
 */
public record GroupModel(
    TypeElement element,
    String packageName,
    String simpleName,
    int id,
    String name,
    int eventGroup,
    List<ErrorModel> errors,
    List<CommandModel> commands,
    List<Integer> parentIds,
    List<TypeElement> parents,
    List<TypeMirror> missingParents,
    boolean notInterface,
    boolean typeParameters,
    List<ExecutableElement> unannotatedMethods,
    String doc) {

  /**
   * Whether a super-interface, parameter or result type is missing, which another annotation processor may still
   * generate in a later round.
   */
  public boolean missesTypes() {
    if (!missingParents.isEmpty()) {
      return true;
    }
    Set<String> seen = new HashSet<>();
    for (CommandModel c : commands) {
      if (c.result() != null && misses(c.result(), seen)) {
        return true;
      }
      for (ParamModel p : c.params()) {
        if (p.type() != null && misses(p.type(), seen)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean misses(CborType t, Set<String> seen) {
    if (t instanceof CborType.Unsupported u) {
      return u.message() == Message.MISSING_TYPE;
    }
    if (t instanceof CborType.ListOf l) {
      return misses(l.item(), seen);
    }
    if (t instanceof CborType.MapOf m) {
      return misses(m.value(), seen);
    }
    if (t instanceof CborType.Opt o) {
      return misses(o.inner(), seen);
    }
    if (t instanceof CborType.Rec r && seen.add(r.element().getQualifiedName().toString())) {
      return r.fields().stream().anyMatch(f -> misses(f.type(), seen));
    }
    return false;
  }

  /** The event group the hooks use: declared, or {@code 64 + (id - 64)} for application groups. */
  public int effectiveEventGroup() {
    return eventGroup >= 0 ? eventGroup : id >= 64 ? id : -1;
  }
}
