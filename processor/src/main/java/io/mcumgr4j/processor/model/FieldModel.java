package io.mcumgr4j.processor.model;

import javax.lang.model.element.Element;

/**
 * A record component as a CBOR map entry.
 *
 * @param element where diagnostics about the component go (its field, which has a position)
 * @param name the component's Java name (its accessor)
 * @param key the CBOR key ({@code @Field} or the name)
 * @param type how the value travels
 */
public record FieldModel(Element element, String name, String key, CborType type) {}
