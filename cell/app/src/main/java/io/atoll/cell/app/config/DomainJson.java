package io.atoll.cell.app.config;

import io.atoll.cell.app.domain.item.Item;
import io.atoll.cell.app.domain.item.ItemPage;
import io.atoll.cell.app.domain.order.Destination;
import io.atoll.cell.app.domain.order.Order;
import io.atoll.cell.app.domain.order.OrderLine;
import io.atoll.cell.app.domain.order.OrderPage;
import io.atoll.cell.app.domain.order.OrderRequest;
import io.atoll.cell.app.domain.order.RequestedLine;
import io.atoll.cell.app.domain.profile.PostalAddress;
import io.atoll.cell.app.domain.profile.Profile;
import io.atoll.cell.app.domain.profile.ProfileChange;
import io.atoll.cell.app.domain.upload.Upload;
import io.atoll.cell.app.domain.upload.UploadResult;
import io.micronaut.serde.annotation.SerdeImport;

/**
 * The domain records that travel as JSON as they are: storage's internal API and the app's API for members share
 * their shape (camelCase fields, absent parts left out). The domain stays free of serialisation annotations.
 */
@SerdeImport(Item.class)
@SerdeImport(ItemPage.class)
@SerdeImport(Destination.class)
@SerdeImport(Order.class)
@SerdeImport(OrderLine.class)
@SerdeImport(OrderPage.class)
@SerdeImport(OrderRequest.class)
@SerdeImport(RequestedLine.class)
@SerdeImport(PostalAddress.class)
@SerdeImport(Profile.class)
@SerdeImport(ProfileChange.class)
@SerdeImport(Upload.class)
@SerdeImport(UploadResult.class)
final class DomainJson {
    private DomainJson() {
    }
}
