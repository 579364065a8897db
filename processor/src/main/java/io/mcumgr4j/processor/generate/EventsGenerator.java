package io.mcumgr4j.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.mcumgr4j.processor.model.CommandModel;
import io.mcumgr4j.processor.model.GroupModel;
import io.mcumgr4j.processor.model.ParamModel;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code XEvents}: for each hooked command an event id (one bit of the group's event
 * group), the event's payload record (the decoded request) and a typed listener registration.
 */
final class EventsGenerator {


  private final GroupModel group;
  private final Names names;

  EventsGenerator(GroupModel group, Names names) {
    this.group = group;
    this.names = names;
  }

  boolean needed() {
    return group.commands().stream().anyMatch(CommandModel::hook);
  }

  TypeSpec generate() {
    TypeSpec.Builder type = TypeSpec.classBuilder(names.events)
        .addOriginatingElement(group.element())
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Callback hooks of the {@code $L} group (id $L): each hooked command of {@link $T} fires its event\n"
            + "after its request decoded and before it runs; a listener lets it go on ({@code CallbackResult.OK}) or\n"
            + "fails it with an {@code rc} or a group error.\n", group.name(), group.id(), names.iface)
        .addField(FieldSpec.builder(TypeName.INT, "EVENT_GROUP", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The callback event group of these hooks.\n")
            .initializer("$L", group.effectiveEventGroup())
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    int bit = 0;
    for (CommandModel c : group.commands()) {
      if (c.hook()) {
        addHook(type, c, bit++);
      }
    }
    return type.build();
  }


  private void addHook(TypeSpec.Builder type, CommandModel c, int bit) {
    String constant = c.eventConstant();
    String base = Names.capitalized(c.name());
    ClassName event = names.events.nestedClass(base + "Event");
    ClassName listener = names.events.nestedClass(base + "Listener");

    type.addField(FieldSpec.builder(TypeName.INT, constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Fired by {@link $T#$L} before it runs; data {@link $T}.\n", names.iface, c.name(), event)
        .initializer("$T.id(EVENT_GROUP, $L)", Names.MGMT_EVENT_IDS, bit)
        .build());

    MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
    for (ParamModel p : c.params()) {
      if (p.context()) {
        continue;
      }
      ctor.addParameter(ParameterSpec.builder(TypeName.get(p.type().mirror()), Names.component(p.name())).build());
    }
    type.addType(TypeSpec.recordBuilder(event)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The decoded request of {@link $T#$L}.\n", names.iface, c.name())
        .recordConstructor(ctor.build())
        .build());

    type.addType(TypeSpec.interfaceBuilder(listener)
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(FunctionalInterface.class)
        .addJavadoc("Listens to {@link #$L}.\n", constant)
        .addMethod(MethodSpec.methodBuilder("on" + base)
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .addJavadoc("@param event the request\n@param previous the first failure earlier listeners returned, "
                + "or {@code CallbackResult.OK}\n@return {@code CallbackResult.OK} to let the command run, or a failure\n")
            .returns(Names.CALLBACK_RESULT)
            .addParameter(event, "event")
            .addParameter(Names.CALLBACK_RESULT, "previous")
            .build())
        .build());

    type.addMethod(MethodSpec.methodBuilder("on" + base)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("Registers {@code listener} for {@link #$L}; close the registration to remove it.\n", constant)
        .returns(Names.REGISTRATION)
        .addParameter(Names.MGMT_CALLBACKS, "callbacks")
        .addParameter(listener, "listener")
        .addStatement("return callbacks.register($L,$W(event, data, previous) -> listener.on$L(($T) data, previous))",
            constant, base, event)
        .build());
  }
}
