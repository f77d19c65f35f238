package dev.paygate.refunds.boundary;

import dev.paygate.platform.JsonRequests;
import dev.paygate.refunds.control.RefundRequests;
import dev.paygate.refunds.control.RefundSettlement;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.JsonReader;
import java.io.StringReader;

/**
 * Settles queued refunds. Any failure is rethrown: the transaction rolls back, the broker
 * redelivers, and a message that keeps failing ends in the dead-letter queue.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/RefundQueue")
        })
public class RefundRequestsListener implements MessageListener {

    @Inject
    RefundSettlement settlement;

    @Override
    public void onMessage(Message message) {
        try (JsonReader reader = JsonRequests.JSON.createReader(new StringReader(((TextMessage) message).getText()))) {
            settlement.settle(reader.readObject().getString(RefundRequests.REFUND_ID));
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable refund message", e);
        }
    }
}
