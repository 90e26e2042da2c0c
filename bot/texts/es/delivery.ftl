## delivery

delivery-private_disabled = No he podido enviarle un mensaje privado a { $name }, así que recibirá las novedades aquí en el grupo. Para recibirlas también en privado, { $name } puede abrir un chat conmigo y pulsar <b>Iniciar</b>.
