package de.eakte.api.web;

import de.eakte.api.config.AxonConfiguration;
import de.eakte.core.shared.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;

/**
 * Sends a command and waits for its result, with the actor and the request's correlation id in
 * the metadata, which every resulting event inherits.
 */
public class Commands {

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, Actor actor, String correlationId) {
        Map<String, Object> meta = new HashMap<>();
        meta.put(AxonConfiguration.ACTOR_SUBJECT, actor.subject());
        meta.put(AxonConfiguration.ACTOR_ROLE, actor.role().claimValue());
        if (actor.office() != null) {
            meta.put(AxonConfiguration.ACTOR_OFFICE, actor.office().value());
        }
        meta.put(AxonConfiguration.CORRELATION_ID, correlationId);
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(meta)));
    }
}
