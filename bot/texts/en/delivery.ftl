## delivery

delivery-private_disabled = I couldn't send { $name } a private message, so they'll get updates here in the group. To get them privately too, { $name } can open a chat with me and press <b>Start</b>.
