package dev.paygate.events.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event written but not yet handed to the endpoints that take it. */
@Entity
@Table(name = "events_to_dispatch")
public class EventToDispatch {

    @Id
    @Column(name = "event_id")
    private String eventId;

    protected EventToDispatch() {}

    public EventToDispatch(String eventId) {
        this.eventId = eventId;
    }

    public String eventId() {
        return eventId;
    }
}
