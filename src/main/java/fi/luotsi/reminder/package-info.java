/**
 * Reminders of programme sessions and organisers' broadcasts: when to send what to whom. Timing is
 * kept by a {@link fi.luotsi.reminder.Schedule} (Quartz in {@code reminder.quartz}); sending goes
 * through {@link fi.luotsi.delivery.DeliveryService}, whose log makes every reminder and broadcast
 * reach each recipient at most once. Time comes from an injected {@link java.time.Clock}.
 */
package fi.luotsi.reminder;
