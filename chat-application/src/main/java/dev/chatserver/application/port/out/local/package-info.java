/**
 * What a storage that serves one node keeps in that node's memory for the bus and presence: the notification
 * log, the bus that appends to it once a unit of work commits, and the presence board. Memory and H2 both
 * register these (through {@code Ports}); several nodes on PostgreSQL share theirs in the database instead.
 * They live here, beside the ports they implement, so that every adapter can use them without knowing another.
 */
package dev.chatserver.application.port.out.local;
