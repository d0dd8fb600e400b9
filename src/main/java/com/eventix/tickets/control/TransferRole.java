package com.eventix.tickets.control;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which side of transfer offers a list shows: those made to you, or those you made. */
@Schema(name = "TransferRole")
public enum TransferRole { INCOMING, OUTGOING }
