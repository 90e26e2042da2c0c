## links

links-choose_child = ¿Del equipo de qué niño o niña debe ser este grupo?
links-linked = Este grupo es ahora el grupo del equipo de cuidado de <b>{ $child }</b>. Las novedades del equipo aparecerán aquí.
links-unlinked = Este grupo ya no está vinculado al equipo de cuidado de <b>{ $child }</b>.
links-already_linked = Este grupo ya está vinculado al equipo de cuidado de un niño o niña.
links-child_has_group = El equipo de ese niño o niña ya tiene un grupo. Primero envía /unlink en ese grupo.
links-nothing_to_link = Para vincular un grupo tienes que ser tutor o tutora de un equipo de cuidado que aún no tenga grupo. Crea un equipo en un chat privado conmigo: /newchild
links-not_linked = Este grupo no está vinculado a ningún equipo de cuidado.
links-only_in_groups_link = Envía /link dentro del grupo que quieres vincular (primero añádeme a él).
links-only_in_groups_unlink = Envía /unlink dentro del grupo del equipo que quieres desvincular.
links-help-link = /link — vincular este grupo al equipo de cuidado de un niño o niña
links-help-unlink = /unlink — desvincular este grupo de su equipo
