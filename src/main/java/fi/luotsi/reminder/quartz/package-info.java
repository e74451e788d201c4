/**
 * Quartz behind {@link fi.luotsi.reminder.Schedule}: a clustered JDBC job store in the Luotsi
 * database (tables from Flyway, {@code qrtz_*}), one simple trigger per reminder or scheduled
 * broadcast, jobs built by a {@link org.quartz.spi.JobFactory} that hands them their collaborators.
 * The only package that imports Quartz; {@code java.util.Date} stays here.
 */
package fi.luotsi.reminder.quartz;
