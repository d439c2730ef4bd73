package org.policyarchive.catalogue;

import org.policyarchive.system.NotFoundException;

class RecordNotFoundException extends NotFoundException {

    RecordNotFoundException(String slug) {
        super("error.notFound.record", slug);
    }
}
