"""La aplicación Celery del curso: una tarea `suma(a, b)`. El broker y el almacén de
resultados son un Redis que la práctica arranca (medir_celery.py); su URL llega por la
variable de entorno LAB_REDIS_URL."""

import os

from celery import Celery

url = os.environ.get("LAB_REDIS_URL", "redis://127.0.0.1:6379/0")
app = Celery("tareas", broker=url, backend=url)
# Una tarea cada vez por trabajador (como --prefetch 1 de mpibench) y sin reintentos ocultos.
app.conf.update(worker_prefetch_multiplier=1, task_acks_late=False, broker_connection_retry_on_startup=True,
                result_expires=600)


@app.task
def suma(a, b):
    return a + b
